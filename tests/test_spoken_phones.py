"""How many digits a number read out in words says, and when that makes it a phone number."""

import pytest

from anonymise.spoken_phones import is_said_phone, said_groups


@pytest.mark.parametrize(
    "language, said, digits",
    [
        ("es", "triple cinco, cero ocho, cuarenta y uno", 7),  # 555 08 41
        ("es", "974 cincuenta y cinco, cincuenta, doce", 9),
        ("es", "seiscientos sesenta y nueve, quinientos cincuenta y cinco, cero cuarenta y ocho", 9),
        ("fr", "huit un neuf, trois fois cinq, zéro un, quarante", 10),  # 819 555 01 40
        ("fr", "plus deux cent douze, six, soixante et un", 6),  # 212 6 61: a hundred takes the tens after it
        ("en", "five hundred, twenty", 5),
        ("fr", "zéro six, soixante-quinze, quatre-vingt-dix-huit, soixante-douze, zéro quatre", 10),
        ("fr", "zéro-six, cinq-cinq-cinq, quarante-deux", 7),  # hyphens between digits said one by one
        ("en", "604-555-0187", 10),
    ],
)
def test_said_groups_count_the_digits_a_number_says(language, said, digits):
    assert sum(count for count, *_ in said_groups(said, language)) == digits


@pytest.mark.parametrize(
    "language, said, phone",
    [
        ("es", "triple cinco, cero ocho, cuarenta y uno", True),
        ("fr", "zéro six, trente-neuf, quatre-vingt-dix-huit, et puis deux fois onze", True),
        ("en", "two one five, five five five", True),  # six single digits
        ("fr", "33 6 39 98 30 62", True),  # six groups written
        ("fr", "cinquante-cinq, quarante-quatre, dix-huit", True),  # six numbers, as they were always counted
        ("en", "ABN 63 555 019 412", False),  # five groups of digits, none said
        ("es", "doscientos, trescientos, cuatrocientos", False),  # round hundreds: amounts
        ("es", "doscientos cincuenta, trescientos", False),
        ("fr", "vingt-trois, dix-huit", False),
        ("en", "nineteen ninety-five", False),
    ],
)
def test_a_run_of_groups_is_a_phone_number_by_its_digits(language, said, phone):
    assert is_said_phone(said, language) is phone
