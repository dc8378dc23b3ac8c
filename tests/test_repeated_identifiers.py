"""What inside a found identifier is an identifier again when said alone: the street of an address, the own
domain of an e-mail (pure logic; the anonymiser's use of them is tested in test_anonymise_study.py)."""

import pytest

from anonymise.addresses import streets_in
from anonymise.contacts import own_domain


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


@pytest.mark.parametrize(
    "email, language, domain",
    [
        ("jo@harbour-light.co.nz", "en", "harbour-light.co.nz"),
        ("j dot smith at harbour light clinic dot co dot nz", "en", "harbour light clinic dot co dot nz"),
        ("info arroba panaderia la espiga punto cl", "es", "panaderia la espiga punto cl"),
        ("gestion arobase sud tiret reunion point re", "fr", "sud tiret reunion point re"),
        ("ana arroba gmail punto com", "es", None),  # a web-mail service names nobody
        ("marie.dupont@hotmail.fr", "fr", None),
        ("j dot smith at harbour", "en", None),  # no dot: not a domain
    ],
)
def test_the_own_domain_of_an_email(email, language, domain):
    assert own_domain(email, language) == domain
