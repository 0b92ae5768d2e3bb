"""A product named after another in one owned list is a product too ("its Ecosys printers
and DuraForce rugged phones"), while makers listed with their products stay bodies."""

from __future__ import annotations

from pactwatch.recognise import product_name


def _at(body: str, name: str) -> bool:
    start = body.index(name)
    return product_name(body, start, start + len(name))


def test_second_item_of_an_owned_product_list_is_a_product() -> None:
    body = "The firm sells its Ecosys printers and DuraForce rugged phones in India."
    assert _at(body, "Ecosys")
    assert _at(body, "DuraForce")


def test_makers_listed_with_their_products_stay_makers() -> None:
    body = "Dealers stock Honda scooters and TVS motorcycles across the state."
    assert not _at(body, "Honda")
    assert not _at(body, "TVS")
