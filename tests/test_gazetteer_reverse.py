def test_reverse_finds_the_nearest_place_with_its_country_and_province(gaz):
    place = gaz.reverse(33.79, 42.44)
    assert place.name == "Ain al-Asad Air Base"
    assert (place.country_code, place.admin1) == ("IQ", "Al Anbar")


def test_reverse_in_a_city_gives_the_city(gaz):
    place = gaz.reverse(33.3152, 44.3661)
    assert place.country_code == "IQ"
    assert place.admin1 == "Baghdad"


def test_reverse_never_returns_an_admin_area(gaz):
    assert not gaz.reverse(34.0, 42.0).is_admin
