"""The streets inside an address, found so that a street said again alone is replaced too (pure logic)."""

import pytest

from anonymise.addresses import streets_in


@pytest.mark.parametrize(
    "address, language, streets",
    [
        ("trois ter impasse des Oliviers", "fr", ["impasse des Oliviers"]),
        ("12, rue de la Paix, 75002 Paris", "fr", ["rue de la Paix"]),
        ("quartier Nord, rue soixante-treize, villa deux cent quatorze", "fr", ["rue soixante-treize"]),
        ("calle Los Aromos ciento diez, Talca", "es", ["calle Los Aromos"]),
        ("Carrera 7 # 45-12, apto 301", "es", ["Carrera 7"]),
        ("14 Marlowe Road, Leeds", "en", []),  # an English street has its word after the name
        ("Entresuelo, oficina tres", "es", []),
        ("rue en pente", "fr", []),  # a street's word before ordinary words names no street
    ],
)
def test_streets_inside_an_address(address, language, streets):
    assert streets_in(address, language) == streets
