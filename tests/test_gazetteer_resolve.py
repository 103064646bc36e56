def spans(text, *names):
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_tripoli_beside_lebanon_is_tripoli_lebanon(gaz):
    text = "Clashes broke out in Tripoli, Lebanon's second city, on Friday."
    tripoli, lebanon = gaz.resolve(text, spans(text, "Tripoli", "Lebanon"))
    assert tripoli.country_code == "LB"
    assert lebanon.feature_code == "PCLI"


def test_tripoli_beside_benghazi_is_tripoli_libya(gaz):
    text = "Flights resumed between Tripoli and Benghazi."
    tripoli, benghazi = gaz.resolve(text, spans(text, "Tripoli", "Benghazi"))
    assert tripoli.country_code == benghazi.country_code == "LY"


def test_arabic_context_disambiguates_too(gaz):
    text = "سقطت قذائف على طرابلس في شمال لبنان"
    (tripoli,) = gaz.resolve(text, spans(text, "طرابلس"))
    assert tripoli.country_code == "LB"


def test_a_name_keeps_one_reading_in_a_document(gaz):
    text = "Alexandria police said the Alexandria fire started in Rapides Parish, Louisiana."
    first = text.index("Alexandria")
    second = text.index("Alexandria", first + 1)
    found = gaz.resolve(text, [(first, first + 10), (second, second + 10), *spans(text, "Louisiana")])
    assert found[0] == found[1]
    assert found[0].country_code == "US" and found[0].admin1 == "Louisiana"


def test_unknown_mentions_resolve_to_none(gaz):
    text = "They met in Qwzxblorp."
    assert gaz.resolve(text, spans(text, "Qwzxblorp")) == [None]


def test_a_nationality_span_reads_as_its_country(gaz):
    text = "Iraqi officials said."
    (place,) = gaz.resolve(text, spans(text, "Iraqi"))
    assert place.country_code == "IQ" and place.is_country


def test_countries_named_sees_attached_proclitics(gaz):
    assert gaz.countries_named("قوات متمركزة في العراق وسوريا") == {"IQ", "SY"}
