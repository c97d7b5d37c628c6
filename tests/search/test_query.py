from search.query import MAX_QUERY_LENGTH, parse_query


def test_words_phrases_exclusions_and_alternatives():
    query = parse_query('Trafficking "hate crime" -children elections OR referendum')
    assert query.clauses == (
        (("trafficking",),),
        (("hate", "crime"),),
        (("elections",), ("referendum",)),
    )
    assert query.excluded == ("children",)
    assert query.fts5() == (
        '("trafficking" AND "hate crime" AND ("elections" OR "referendum")) NOT "children"'
    )
    assert query.websearch() == 'trafficking "hate crime" elections or referendum -children'


def test_operators_and_punctuation_become_plain_words():
    assert parse_query("foo & | ! ( ) : * ^ NEAR").fts5() == '"foo" AND "near"'
    assert not parse_query("'\":*")


def test_only_stop_words_is_reported():
    query = parse_query("the and of")
    assert not query
    assert query.only_stop_words


def test_nul_bytes_and_length_are_bounded():
    query = parse_query("a\x00b " + "x" * 10_000)
    assert "\x00" not in query.raw
    assert len(query.raw) <= MAX_QUERY_LENGTH


def test_unbalanced_quote_is_a_phrase_to_the_end():
    assert parse_query('"media freedom').clauses == ((("media", "freedom"),),)


def test_non_string_input_is_empty():
    assert not parse_query(None)
