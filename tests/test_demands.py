"""Which sentences and list items are demands, and whom they address: general rules of
the genre, on short texts written for the tests (not taken from the corpus)."""

from __future__ import annotations

import pytest

from conftest import extract_str


def demands(text: str, lang: str | None = None, fmt: str = "text"):
    return list(extract_str(text, lang=lang, fmt=fmt).all_demands())


@pytest.mark.parametrize(
    ("lang", "text", "addressees"),
    [
        pytest.param("de", "Wir fordern die Landesregierung auf, die Kitas besser "
                     "auszustatten.", ["Landesregierung"], id="de-auffordern"),
        pytest.param("de", "Die Gewerkschaft hat den Senat aufgefordert, die Mieten zu "
                     "deckeln.", ["Senat"], id="de-aufgefordert"),
        pytest.param("de", "Wir erwarten von der Stadtverwaltung einen Plan für sichere "
                     "Radwege.", ["Stadtverwaltung"], id="de-erwarten-von"),
        pytest.param("de", "Der Verband appelliert an die Bundesregierung, die Renten zu "
                     "sichern.", ["Bundesregierung"], id="de-appelliert-an"),
        pytest.param("de", "Die nächste Bundesregierung muss die Schuldenbremse reformieren.",
                     ["nächste Bundesregierung"], id="de-actor-muss"),
        pytest.param("de", "Wir fordern, dass die EU und die Kommunen gemeinsam handeln.",
                     ["EU", "Kommunen"], id="de-dass-subjects"),
        pytest.param("de", "Die Kosten müssen sinken.", [], id="de-no-actor"),
        pytest.param("nl", "verzoekt de regering om de huren te bevriezen,", ["regering"],
                     id="nl-verzoekt"),
        pytest.param("nl", "roept het kabinet op om meer te investeren in onderwijs,",
                     ["kabinet"], id="nl-roept-op"),
        pytest.param("nl", "draagt het Presidium op om de vlag te hijsen,", ["Presidium"],
                     id="nl-draagt-op"),
        pytest.param("nl", "Het komende kabinet moet ervoor zorgen dat iedereen een huis heeft.",
                     ["komende kabinet"], id="nl-actor-moet"),
        pytest.param("de", "Die Mieten steigen. Auch die Kommunen müssen mehr Wohnungen "
                     "bauen.", ["Kommunen"], id="de-focus-particle-subject"),
        pytest.param("nl", "Ook de provincies moeten hun rol pakken bij de energietransitie.",
                     ["provincies"], id="nl-focus-particle-subject"),
        pytest.param("nl", "Wij doen een dringend beroep op de gemeenten om de opvang te "
                     "regelen.", ["gemeenten"], id="nl-beroep-op"),
        pytest.param("en", "The union calls on the Government to fund local councils.",
                     ["Government"], id="en-calls-on"),
        pytest.param("en", "We urge the Commission to act now.", ["Commission"], id="en-urge"),
        pytest.param("en", "We urge the Department for Transport to fund rural buses.",
                     ["Department for Transport"], id="en-name-with-preposition"),
        pytest.param("en", "The Mayor of London must act now.", ["Mayor of London"],
                     id="en-name-with-preposition-subject"),
        pytest.param("en", "We urge the Government for the sake of our children to act.",
                     ["Government"], id="en-preposition-not-in-name"),
        pytest.param("nl", "verzoekt de Minister van Financiën de belasting te verlagen,",
                     ["Minister van Financiën"], id="nl-name-with-preposition"),
    ],
)
def test_addressees_from_the_sentence(lang, text, addressees):
    found = demands(text, lang)
    assert len(found) == 1, [d.text for d in found]
    assert found[0].addressees == addressees


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param("de", "Der Bundestag stellt fest, dass die Mieten steigen müssen.",
                     id="de-finding"),
        pytest.param("de", "In einer Zeit, in der die Welt zusammenarbeiten muss, helfen wir.",
                     id="de-modal-in-relative-clause"),
        pytest.param("de", "Wir werden uns dafür einsetzen, dass Arbeitsplätze bleiben.",
                     id="de-commitment"),
        pytest.param("de", "Wir müssen dafür sorgen, dass alle mitkommen.", id="de-first-person"),
        pytest.param("de", "Muss das wirklich sein?", id="de-question"),
        pytest.param("de", "Der Wandel fordert die Unternehmen heraus.", id="de-herausfordern"),
        pytest.param("de", "Die Mitgliederzahl ist im letzten Jahr gestiegen.", id="de-fact"),
        pytest.param("nl", "overwegende dat het kabinet meer moet doen;", id="nl-overwegende"),
        pytest.param("nl", "constaterende dat gemeenten de opvang moeten regelen;",
                     id="nl-constaterende"),
        pytest.param("nl", "De industrie staat klaar om bij te dragen aan een beter land.",
                     id="nl-bijdragen"),
        pytest.param("en", "That this House notes that councils must cut services.",
                     id="en-notes"),
    ],
)
def test_not_demands(lang, text):
    assert demands(text, lang) == []


def test_lead_in_makes_list_items_demands_and_passes_its_addressee():
    text = ("Die Landesregierung muss handeln. Wir fordern die Landesregierung auf:\n\n"
            "- mehr Lehrkräfte\n- kleinere Klassen\n")
    found = demands(text, "de")
    items = [d for d in found if d.text in ("mehr Lehrkräfte", "kleinere Klassen")]
    assert len(items) == 2
    assert all(d.addressees == ["Landesregierung"] for d in items)
    assert not any(d.text == "Wir fordern die Landesregierung auf:" for d in found)


def test_findings_list_is_not_demands():
    text = ("Der Landtag stellt fest:\n\n- die Mieten steigen\n- die Löhne stagnieren\n\n"
            "Der Landtag fordert die Landesregierung auf:\n\n- einen Mietendeckel\n")
    found = demands(text, "de")
    assert [d.text for d in found] == ["einen Mietendeckel"]
    assert found[0].addressees == ["Landesregierung"]


def test_section_heading_names_the_addressee_of_its_points():
    text = ("# Forderungen an die Stadt Bremen\n\n"
            "## 1. Mehr Busse\n\nDer Takt muss dichter werden.\n\n"
            "## 2. Sichere Radwege\n\nRadwege brauchen Platz.\n")
    found = demands(text, "de", "markdown")
    assert [(d.number, d.title, d.addressees) for d in found] == [
        ("1", "Mehr Busse", ["Stadt Bremen"]),
        ("2", "Sichere Radwege", ["Stadt Bremen"]),
    ]
    assert found[0].statements == ["Der Takt muss dichter werden."]


def test_points_keep_section_addressee_and_add_their_own_actors():
    text = ("## Forderungen an die Politik\n\n### Punkt 1: Kooperation\n\n"
            "Kommunen dürfen nicht gegeneinander arbeiten.\n")
    found = demands(text, "de", "markdown")
    assert found[0].addressees == ["Politik", "Kommunen"]


def test_list_under_neutral_lead_in_is_not_demands():
    text = ("Unser Verband vertritt\n\n- 500 Betriebe\n- 20.000 Beschäftigte\n\n"
            "Wir fordern mehr Ausbildungsplätze.\n")
    found = demands(text, "de")
    assert [d.text for d in found] == ["Wir fordern mehr Ausbildungsplätze."]


def test_excluded_sections_hold_no_demands():
    text = ("Der Landtag fordert die Regierung auf, das Gesetz zu ändern.\n\n"
            "Begründung\n\nDie Regierung muss handeln, weil die Lage ernst ist.\n")
    found = demands(text, "de")
    assert len(found) == 1
    assert found[0].addressees == ["Regierung"]


def test_call_for_coalition_agreement_addresses_the_coming_cabinet():
    text = ("Wij roepen op tot een ambitieus regeerakkoord.\n\n"
            "1. Meer geld voor onderwijs\n2. Betere zorg\n")
    found = demands(text, "nl")
    assert [d.addressees for d in found] == [["kabinet"], ["kabinet"], ["kabinet"]]
    assert [d.number for d in found] == [None, "1", "2"]


def test_motion_dicta_are_separate_demands():
    text = ("De Kamer,\ngehoord de beraadslaging,\n"
            "constaterende dat de wachtlijsten groeien;\n"
            "verzoekt de regering de wachtlijsten te halveren;\n"
            "verzoekt de regering tevens de Kamer te informeren,\n"
            "en gaat over tot de orde van de dag.\n")
    found = demands(text, "nl")
    assert [d.text.split()[3] for d in found] == ["de", "tevens"]
    assert all(d.addressees == ["regering"] for d in found)


def test_semicolon_clauses_of_a_motion_sentence():
    text = ("That this House notes the cuts to local services; expresses concern about "
            "rising costs; and calls on the Government to restore funding.")
    found = demands(text, "en")
    assert len(found) == 1
    assert found[0].text.startswith("and calls on the Government")


def test_foreign_template_lead_ins():
    text = ("Wij\nburgers\nestablish that:\n- de huren te hoog zijn.\n"
            "and request:\n- de huren te bevriezen;\n")
    found = demands(text, "nl")
    assert [d.text for d in found] == ["de huren te bevriezen;"]


def test_a_list_that_ends_its_sentence_does_not_absorb_the_next_paragraph():
    # "roepen ... op: a) ...; b) ... ." is one sentence: the paragraph after it is the
    # document's again, a demand of its own with its own addressee
    text = ("Wij roepen het kabinet op:\n"
            "a) de huurtoeslag te verhogen;\n"
            "b) meer sociale huurwoningen te bouwen.\n\n"
            "Ook de gemeenten moeten sneller vergunningen verlenen.\n")
    found = demands(text, "nl")
    assert [d.text for d in found] == ["de huurtoeslag te verhogen;",
                                       "meer sociale huurwoningen te bouwen.",
                                       "Ook de gemeenten moeten sneller vergunningen verlenen."]
    assert [d.addressees for d in found] == [["kabinet"], ["kabinet"], ["gemeenten"]]


def test_a_numbered_point_keeps_its_body_paragraphs():
    # and a demand heading written as a paragraph with a colon leads in like a heading
    text = ("Unsere Forderungen an die Bundesregierung:\n\n"
            "1. Bezahlbare Mieten\n\n"
            "Der Mietanstieg muss gebremst werden.\n\n"
            "2. Mehr Sozialwohnungen.\n\n"
            "Der Bund soll jedes Jahr 100.000 Sozialwohnungen fördern.\n")
    found = demands(text, "de")
    assert [d.number for d in found] == ["1", "2"]
    assert "Der Mietanstieg muss" in found[0].text and "Der Bund soll" in found[1].text
    # the heading's addressee, and besides whom a point's body obliges ("Der Bund soll")
    assert [d.addressees for d in found] == [["Bundesregierung"], ["Bundesregierung", "Bund"]]


@pytest.mark.parametrize(("lang", "heading"), [("nl", "Wat wij vragen"),
                                               ("de", "Was wir fordern")])
def test_a_heading_that_announces_a_list_is_not_a_demand_itself(lang, heading):
    text = f"# Manifest\n\n## {heading}\n\n* Kleinere klassen.\n* Betere beloning.\n"
    found = demands(text, lang, fmt="markdown")
    assert [d.text for d in found] == ["Kleinere klassen.", "Betere beloning."]
    assert all(d.section == [heading] for d in found)


def test_empty_document_has_no_demands():
    document = extract_str("", None)
    assert document.demands == []
    assert document.language is None
