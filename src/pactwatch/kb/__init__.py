"""The multilingual knowledge base: data files, matcher, linker, transliteration."""
