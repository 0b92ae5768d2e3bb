"""RSS / Atom reader: one document per entry, full content preferred, local dates."""

from __future__ import annotations

from pathlib import Path

from pactwatch.read.base import Document, ReadError
from pactwatch.read.feed import read_feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Business Desk</title><link>https://news.example.in/</link>
  <language>en-in</language>
  <item>
    <title>Tamil Nadu signs battery pact</title>
    <link>https://news.example.in/biz/battery-pact</link>
    <guid isPermaLink="false">bd-2025-1007-01</guid>
    <pubDate>Tue, 07 Oct 2025 00:30:00 +0530</pubDate>
    <description>Short teaser only.</description>
    <content:encoded><![CDATA[<p>Chennai, Oct 7 The state signed a pact with a Kyoto battery maker.</p>
      <p>The plant will employ <b>1,200</b> people.</p>]]></content:encoded>
  </item>
  <item>
    <title>Delegation visits Pune</title>
    <link>https://news.example.in/biz/pune-visit</link>
    <pubDate>Wed, 08 Oct 2025 10:00:00 +0530</pubDate>
    <description>&lt;p&gt;Pune, Oct 8 A trade delegation from Hyogo toured the auto cluster.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Title only</title>
    <link>https://news.example.in/biz/empty</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">
  <title>経済ニュース</title>
  <id>urn:example:feed</id>
  <updated>2025-10-07T10:00:00+09:00</updated>
  <entry>
    <id>urn:example:entry:1</id>
    <title>福岡県、インド企業と覚書</title>
    <link href="https://example.jp/news/1"/>
    <published>2025-10-07T08:00:00+09:00</published>
    <updated>2025-10-07T09:00:00+09:00</updated>
    <summary>要約のみ。</summary>
    <content type="html">&lt;p&gt;福岡、10月7日 ― 福岡県はインドのIT企業と覚書を交わした。&lt;/p&gt;&lt;p&gt;新たな拠点を設ける。&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_read_feed_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "biz.rss"
    path.write_text(RSS, encoding="utf-8")
    results = list(read_feed(str(path)))
    assert [type(r) for r in results] == [Document, Document, ReadError]
    first, second, empty = results
    assert isinstance(first, Document) and isinstance(second, Document)
    # content:encoded wins over the teaser, paragraph breaks kept, markup gone
    assert first.text == (
        "Chennai, Oct 7 The state signed a pact with a Kyoto battery maker.\n\n"
        "The plant will employ 1,200 people."
    )
    assert first.title == "Tamil Nadu signs battery pact"
    assert first.url == "https://news.example.in/biz/battery-pact"
    assert first.doc == "bd-2025-1007-01"
    # 00:30 IST is still 6 October in UTC; the date the feed states is the 7th
    assert first.published == "2025-10-07"
    assert first.lang == "en"
    assert first.source == f"{path} (entry 1)"
    # no guid: the link is the doc; HTML summary stripped
    assert second.doc == "https://news.example.in/biz/pune-visit"
    assert second.text == "Pune, Oct 8 A trade delegation from Hyogo toured the auto cluster."
    assert isinstance(empty, ReadError)
    assert empty.item == f"{path} (entry 3)"
    assert "no text" in empty.reason


def test_read_feed_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "ja.atom"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = read_feed(str(path))
    assert isinstance(doc, Document)
    assert doc.doc == "urn:example:entry:1"
    assert doc.text == "福岡、10月7日 ― 福岡県はインドのIT企業と覚書を交わした。\n\n新たな拠点を設ける。"
    assert doc.title == "福岡県、インド企業と覚書"
    assert doc.url == "https://example.jp/news/1"
    assert doc.published == "2025-10-07"
    assert doc.lang == "ja"


def test_read_feed_bozo_feed_with_entries_still_yields(tmp_path: Path) -> None:
    broken = RSS.replace("</channel>\n</rss>\n", "<item><title>x &nbsp broken")  # not well-formed
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    docs = [r for r in read_feed(str(path)) if isinstance(r, Document)]
    assert docs and docs[0].title == "Tamil Nadu signs battery pact"


def test_read_feed_not_a_feed_is_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("These are meeting notes, not a feed.\n", encoding="utf-8")
    (err,) = read_feed(str(path))
    assert isinstance(err, ReadError)
    assert err.item == str(path)
    assert "not an RSS or Atom feed" in err.reason


def test_read_feed_without_entries_is_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        encoding="utf-8",
    )
    (err,) = read_feed(str(path))
    assert isinstance(err, ReadError) and "no entries" in err.reason
