"""Genres written for these tests, of the kinds users bring: council and cantonal
motions, student resolutions, position papers, petitions, letters to a chair, student
demand lists, press releases and news that report demands. Each test stands for a
construction, not a document: portfolios in lower-case titles, a passive's agent,
lead-ins that name the addressee in an earlier sentence, points after a run-in title,
address lines and fields, and lines broken by their author inside hard-wrapped text."""

from __future__ import annotations

import pytest

from conftest import extract_str


def demands(text: str, lang: str | None = None, fmt: str = "text"):
    return list(extract_str(text, lang=lang, fmt=fmt).all_demands())


def found(text: str, lang: str, fmt: str = "text") -> list[tuple[str, list[str]]]:
    return [(" ".join(d.text.split()), d.addressees) for d in demands(text, lang, fmt)]


def addressees_of(text: str, lang: str, start: str, fmt: str = "text") -> list[str]:
    """The addressees of the one demand whose text opens with `start`."""
    matches = [names for unit, names in found(text, lang, fmt) if unit.startswith(start)]
    assert len(matches) == 1, found(text, lang, fmt)
    return matches[0]


# --- who: the name of the one asked --------------------------------------------------

@pytest.mark.parametrize(("sentence", "name"), [
    ("De gemeenteraad vraagt het college van burgemeester en schepenen om een plan voor "
     "veilige schoolstraten op te maken.", "college van burgemeester en schepenen"),
    ("Wij roepen de minister van Binnenlandse Zaken en Wonen op om de huren te bevriezen.",
     "minister van Binnenlandse Zaken en Wonen"),
    ("Het waterschap verzoekt de raad van bestuur om een onderzoek te laten uitvoeren.",
     "raad van bestuur"),
])
def test_a_portfolio_or_body_after_a_lower_case_title_is_part_of_its_name(sentence, name):
    assert addressees_of(sentence, "nl", sentence[:12]) == [name]


def test_a_title_keeps_only_a_name_that_is_one():
    sentence = "Wij vragen de regering van dit land om meer geld voor de zorg."
    assert addressees_of(sentence, "nl", "Wij vragen") == ["regering"]


def test_the_groups_of_a_parliament_keep_the_parliament_in_their_name():
    sentence = "Der Vorstand appelliert an die Fraktionen im Landtag, das Gesetz zu ändern."
    assert addressees_of(sentence, "de", "Der Vorstand") == ["Fraktionen im Landtag"]


def test_a_proper_name_after_a_body_names_it():
    sentence = "Die Tagung fordert die Landesregierung NRW auf, das Gesetz zurückzuziehen."
    assert addressees_of(sentence, "de", "Die Tagung") == ["Landesregierung NRW"]


@pytest.mark.parametrize(("sentence", "lang", "name"), [
    ("Der Konzern müsse die Standortvereinbarung einhalten, sagte die Gewerkschafterin.",
     "de", "Konzern"),
    ("De bond moet de leden eerst raadplegen.", "nl", "bond"),
])
def test_a_body_that_ends_other_names_is_an_actor_on_its_own(sentence, lang, name):
    assert addressees_of(sentence, lang, sentence[:12]) == [name]


@pytest.mark.parametrize(("sentence", "lang", "name"), [
    ("Die Kosten der Sanierung müssen vom Landkreis getragen werden.", "de", "Landkreis"),
    ("Die Sanierung muss durch die Stadt finanziert werden.", "de", "Stadt"),
    ("De kosten van de sanering moeten door het Rijk worden betaald.", "nl", "Rijk"),
    ("Any pay rise must be fully funded by central government.", "en", "central government"),
])
def test_the_agent_of_a_passive_a_modal_obliges_is_asked(sentence, lang, name):
    assert addressees_of(sentence, lang, sentence[:12]) == [name]


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Die Schulen müssen von Grund auf saniert werden.", "de"),
    ("Die Kosten müssen durch Einsparungen gedeckt werden.", "de"),
    ("These demands must be met by December 1, 2026.", "en"),
])
def test_a_means_or_a_date_after_the_passive_is_no_one(sentence, lang):
    assert addressees_of(sentence, lang, sentence[:12]) == []


# --- lead-ins and points -------------------------------------------------------------

def test_a_demand_sentence_that_opens_on_what_it_asks_for_leads_into_its_points():
    text = (
        "Der Gemeinderat wird beauftragt, dem Stadtrat bis Ende 2027 ein Paket für\n"
        "sichere Schulwege vorzulegen. Dieses umfasst mindestens:\n\n"
        "- eine Erfassung aller Gefahrenstellen im Umkreis der Schulhäuser;\n"
        "- durchgehend markierte Velostreifen auf den Hauptachsen;\n"
        "- einen Zeitplan mit Kostenschätzung für jede Massnahme.\n")
    units = found(text, "de")
    items = [(unit, names) for unit, names in units if unit.startswith(("ein", "durch"))]
    assert items == [
        ("eine Erfassung aller Gefahrenstellen im Umkreis der Schulhäuser;", ["Gemeinderat"]),
        ("durchgehend markierte Velostreifen auf den Hauptachsen;", ["Gemeinderat"]),
        ("einen Zeitplan mit Kostenschätzung für jede Massnahme.", ["Gemeinderat"]),
    ]


def test_a_list_announced_after_a_demand_takes_the_addressee_of_that_demand():
    text = (
        "Het kabinet moet de afspraken met verhuurders afdwingen. Vrijwillige convenanten\n"
        "hebben te weinig opgeleverd. Onze eisen:\n\n"
        "- een verbod op het verhuren van woningen met energielabel G;\n"
        "- een landelijk noodfonds voor huurders met een hoge energierekening.\n")
    items = [(unit, names) for unit, names in found(text, "nl") if unit.startswith("een ")]
    assert items == [
        ("een verbod op het verhuren van woningen met energielabel G;", ["kabinet"]),
        ("een landelijk noodfonds voor huurders met een hoge energierekening.", ["kabinet"]),
    ]


def test_a_demand_paragraph_leading_on_with_a_colon_keeps_the_headings_list():
    text = (
        "# Positionspapier\n\n"
        "## Unsere Erwartungen an Bund und Länder\n\n"
        "Damit die Kommunen handlungsfähig bleiben, braucht es ein abgestimmtes Vorgehen "
        "aller Ebenen. Konkret heißt das:\n\n"
        "- **Altschulden übernehmen:** Die Kassenkredite sind in einem Programm abzulösen.\n"
        "- **Standards prüfen:** Vorgaben für Bau und Vergabe entschlacken.\n\n"
        "## Was wir selbst tun\n\n"
        "Wir wissen: Auch wir selbst sind gefordert. Unsere Mitglieder haben sich "
        "verpflichtet,\n\n"
        "- die Zusammenarbeit bei Bauhöfen auszubauen,\n"
        "- alle Verwaltungsleistungen digital anzubieten.\n")
    units = found(text, "de", fmt="markdown")
    points = [(unit, names) for unit, names in units if unit.startswith(("Altschulden",
                                                                          "Standards"))]
    assert [names for _unit, names in points] == [["Bund", "Länder"], ["Bund", "Länder"]]
    assert not [unit for unit, _names in units
                if unit.startswith(("die Zusammenarbeit", "alle Verwaltungs", "Wir wissen"))]


def test_a_point_after_its_run_in_title_names_its_subject():
    text = (
        "Die Konferenz fordert daher:\n\n"
        "1. **Beratung ausbauen.** Das Ministerium soll mit den Studierendenwerken ein\n"
        "   landesweites Programm zur Beratung auflegen.\n"
        "2. **Gebühren abschaffen.** Der Gesetzgeber hat die Gebühren für ein Zweitstudium\n"
        "   ersatzlos zu streichen.\n"
        "3. **Evaluation.** Die Landesregierung legt dem Landtag nach drei Jahren einen\n"
        "   Bericht vor.\n")
    assert [names for _unit, names in found(text, "de", fmt="markdown")] == [
        ["Ministerium"], ["Gesetzgeber"], ["Landesregierung"]]


# --- who asks, and what is no demand -------------------------------------------------

@pytest.mark.parametrize(("sentence", "lang", "is_demand"), [
    ("De bond stelt verder voor om de pensioenleeftijd te verlagen.", "nl", True),
    ("Het college stelt het plan volgende week voor aan de raad.", "nl", False),
    ("Zudem sprach sich der Verband dafür aus, Leerstände schneller zu beseitigen.", "de",
     True),
    ("Auch wir selbst sind gefordert.", "de", False),
    ("Eine Rechtsberatung dürfen und können wir nicht anbieten.", "de", False),
    ("We are requesting a public meeting with the Principal before the summer.", "en",
     True),
    ("The charity is also pressing the regulator to act on standing charges.", "en", True),
    ("Volgens de bond is een loonsverhoging van vijf procent noodzakelijk.", "nl", True),
    ("Daarnaast zouden wij het zeer op prijs stellen als de wethouder aanwezig is.", "nl",
     True),
    ("Voor de aanvraag van de vergunning is een DigiD nodig.", "nl", False),
    ("Volgens de bond is dat helemaal niet nodig.", "nl", False),
])
def test_what_is_a_demand(sentence, lang, is_demand):
    assert bool(demands(sentence, lang)) is is_demand


def test_a_request_after_a_fronted_consideration_leads_into_the_points():
    text = (
        "Geachte voorzitter,\n\n"
        "Gelet op het voorgaande verzoek ik u:\n\n"
        "1. het debat over de regeling nog voor het reces in te plannen;\n"
        "2. deze brief op de lijst van ingekomen stukken te plaatsen.\n\n"
        "Met vriendelijke groet,\n\nJ. de Vries\n")
    assert found(text, "nl") == [
        ("het debat over de regeling nog voor het reces in te plannen;", ["voorzitter"]),
        ("deze brief op de lijst van ingekomen stukken te plaatsen.", ["voorzitter"]),
    ]


def test_a_wish_that_leads_into_points_names_whom_they_ask():
    text = (
        "## What the Trust is calling for\n\n"
        "The Trust wants Ministers to:\n\n"
        "- **introduce a social tariff** for energy, with a discount for households on "
        "low incomes;\n"
        "- **fund an insulation programme** for the least efficient homes.\n")
    assert [names for _unit, names in found(text, "en", fmt="markdown")] == [
        ["Ministers"], ["Ministers"]]


# --- letters, petitions and demand lists ---------------------------------------------

def test_a_petitions_recipient_field_names_whom_its_demands_and_pleas_ask():
    text = (
        "# Sichere Schulwege jetzt\n\n"
        "**An:** Bürgermeisterin Dr. Paula Lindner, Stadt Wiesenau\n\n"
        "Jeden Morgen überqueren Hunderte Kinder die Hauptstraße.\n\n"
        "**Wir fordern:**\n\n"
        "1. Tempo 30 auf der gesamten Hauptstraße.\n"
        "2. Einen gesicherten Überweg an der Kreuzung Am Anger.\n\n"
        "Sehr geehrte Frau Dr. Lindner, bitte setzen Sie sich außerdem beim Landkreis "
        "dafür ein, dass der Bus morgens öfter fährt.\n")
    units = found(text, "de", fmt="markdown")
    assert [names for _unit, names in units] == [
        ["Bürgermeisterin Dr. Paula Lindner", "Stadt Wiesenau"]] * 3
    assert units[-1][0].startswith("Sehr geehrte Frau Dr. Lindner, bitte setzen Sie")


DEMANDS_PAGE = """<html><body><h1>Riverside Students for a Fair Campus</h1>
<p>To President Ada Moreno and the Riverside College Board of Trustees:</p>
<p>On March 3 the administration announced the closure of the Resource Center.</p>
<h2>Our demands</h2>
<ol>
<li>Reverse the closure of the Resource Center. The Center must stay open in its space.</li>
<li>Students at the table. Create two voting seats on the Board for elected students.</li>
<li>No retaliation. President Moreno must commit in writing that no student is punished.</li>
</ol>
</body></html>"""


def test_an_address_line_names_whom_a_demand_lists_imperatives_ask():
    units = found(DEMANDS_PAGE, "en", fmt="html")
    recipients = ["President Ada Moreno", "Riverside College Board of Trustees"]
    assert [names for _unit, names in units] == [recipients, recipients,
                                                  ["President Moreno"]]


# --- hard-wrapped text ---------------------------------------------------------------

PRESS_PAGE = """Pressemitteilungen

18.06.2026
Verband fordert bessere Ausstattung der Schulen
Zum Ende des Schuljahres zieht der Verband eine ernüchternde Bilanz: An
jeder dritten Schule fehlen funktionsfähige Dienstgeräte für Lehrkräfte,
vielerorts ist das WLAN nur in einzelnen Räumen verfügbar. Der Verband
fordert das Bildungsministerium auf, noch vor den Sommerferien ein
Ausstattungsprogramm für alle Schularten vorzulegen.

02.06.2026
Delegiertenversammlung wählt neue Landesvorsitzende
Die Delegiertenversammlung hat am Samstag in Erfurt eine neue
Landesvorsitzende gewählt. Die Grundschullehrerin aus Gotha folgt auf
einen Kollegen, der nach zwölf Jahren nicht mehr kandidierte und dem
Verband als Ehrenmitglied erhalten bleibt.
"""


def test_a_line_its_author_broke_in_wrapped_text_is_no_part_of_the_next():
    units = [unit for unit, _names in found(PRESS_PAGE, "de")]
    assert "Verband fordert bessere Ausstattung der Schulen" in units
    assert not [unit for unit in units if "Bilanz" in unit]


# --- entries of a page of motions ----------------------------------------------------

def test_a_separator_line_ends_the_reasons_of_one_motion_before_the_next():
    text = (
        "POSTULAT\n\n"
        "Der Regierungsrat wird eingeladen, zu prüfen, wie an allen Schulhäusern Tempo 30\n"
        "eingeführt werden kann.\n\n"
        "Begründung:\n\n"
        "An vielen Schulhäusern fahren die Autos zu schnell.\n\n"
        "==========================================================\n\n"
        "MOTION\n"
        "von Anna Muster (SP) und Beat Beispiel (SP)\n"
        "betreffend «Bezahlbare Kinderbetreuung»\n\n"
        "Der Regierungsrat wird beauftragt, folgende Massnahmen umzusetzen:\n\n"
        "a) Der Kanton beteiligt sich an den Kosten eines Betreuungsplatzes.\n\n"
        "b) Familien mit kleinem Einkommen erhalten zwei Betreuungstage kostenlos.\n\n"
        "Begründung:\n\n"
        "Ein Kita-Platz kostet heute rund 130 Franken pro Tag.\n")
    units = found(text, "de")
    assert [names for unit, names in units if unit.startswith(("Der Kanton", "Familien"))] == [
        ["Regierungsrat"], ["Regierungsrat"]]


@pytest.mark.parametrize(("sentence", "names"), [
    ("The Student Hardship Fund must be doubled.", []),
    ("The Government must act before the winter.", ["Government"]),
])
def test_the_subject_of_an_english_passive_is_acted_on(sentence, names):
    assert addressees_of(sentence, "en", sentence[:12]) == names


def test_a_possessive_inside_a_name_after_its_preposition():
    sentence = "We ask the Director of Children's Services to bring a report to Cabinet."
    assert addressees_of(sentence, "en", "We ask") == ["Director of Children's Services"]


def test_a_request_made_a_noun_and_addressed_to_someone_is_a_demand():
    sentence = ("Der Gemeinderat richtet an die Landesregierung das Ersuchen, künftig auch "
                "Personalkosten zu fördern.")
    assert addressees_of(sentence, "de", "Der Gemeinderat") == ["Landesregierung"]


@pytest.mark.parametrize(("sentence", "lang", "name"), [
    ("We call on the board of governors to publish the minutes.", "en", "board of governors"),
    ("Wij verzoeken de raad van toezicht om het besluit te herzien.", "nl",
     "raad van toezicht"),
])
def test_what_a_lower_case_body_is_of_is_part_of_its_name(sentence, lang, name):
    assert addressees_of(sentence, lang, sentence[:12]) == [name]


@pytest.mark.parametrize(("sentence", "names"), [
    ("We demand Provost Alvarez to publish the full report by Friday.", ["Provost Alvarez"]),
    ("We demand the governing body to publish the full report.", ["governing body"]),
    ("We demand the right to organise on campus.", []),
])
def test_a_demand_of_someone_to_act_without_that_names_them(sentence, names):
    assert addressees_of(sentence, "en", "We demand") == names


@pytest.mark.parametrize(("sentence", "name"), [
    # the spelling before 1996
    ("Wir fordern, daß die Kreisverwaltung die Gebühren senkt.", "Kreisverwaltung"),
    # Swiss spelling, without ß
    ("Wir würden es begrüssen, wenn der Stiftungsrat die Gebühren senkt.", "Stiftungsrat"),
])
def test_german_spellings_without_the_reformed_or_the_sharp_s(sentence, name):
    assert addressees_of(sentence, "de", "Wir") == [name]


def test_a_conference_of_ministers_is_an_actor():
    sentence = ("Die Innenministerkonferenz solle eine einheitliche Regel beschließen, "
                "sagte die Sprecherin.")
    assert addressees_of(sentence, "de", "Die Innen") == ["Innenministerkonferenz"]


@pytest.mark.parametrize(("sentence", "lang", "name"), [
    # first person singular: a letter of one member for the group
    ("Tevens doe ik een beroep op u om het verzoek door te geleiden naar de wijkcommissie.",
     "nl", None),
    # the authors judge it needed after an opening adverbial: the one obliged is in the
    # "that" clause
    ("Om het debat voor te bereiden, achten wij het noodzakelijk dat de wijkraad de "
     "bewoners informeert.", "nl", "wijkraad"),
    ("Daarom vinden wij dat de wijkraad moet ingrijpen.", "nl", "wijkraad"),
    ("Ook willen wij dat de wijkraad de straat afsluit.", "nl", "wijkraad"),
    ("Wij rekenen er ook op dat de wijkraad de kosten draagt.", "nl", "wijkraad"),
    ("Deshalb betonte sie, dass die Schulbehörde handeln müsse.", "de", "Schulbehörde"),
])
def test_the_speaker_after_the_verb_still_asks(sentence, lang, name):
    units = found(sentence, lang)
    assert len(units) == 1
    assert units[0][1] == ([name] if name else [])


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Op 3 oktober 2023 vroegen wij de wijkraad al om een bloedonderzoek.", "nl"),
    ("Wij hebben de wijkagent al meerdere keren gevraagd om extra toezicht.", "nl"),
    ("Der Elternbeirat forderte bereits eine Sanierung der Turnhalle.", "de"),
    ("In 2020 the coalition called for a childcare guarantee.", "en"),
    ("We already asked the governing body to publish the accounts.", "en"),
    ("Conference notes that Conference 2022 called on the Association of Colleges to act.",
     "en"),
])
def test_a_request_made_before_is_reported_not_made(sentence, lang):
    assert found(sentence, lang) == []


def test_a_dative_plural_is_named_as_the_actors_it_names():
    sentence = "Der Lehrerverband verlangt von den Kantonen und den Schulträgern bessere Löhne."
    assert addressees_of(sentence, "de", "Der Lehrer") == ["Kantone", "Schulträger"]


def test_who_is_seen_bound_is_asked_whatever_the_noun():
    sentence = "Die Elternkonferenz sieht die Schulträger bei der Sanierung in der Pflicht."
    assert addressees_of(sentence, "de", "Die Eltern") == ["Schulträger"]


# --- points written on one line, and letters inside resolutions -----------------------

@pytest.mark.parametrize(("text", "lang", "numbers"), [
    ("1. Die Stadtwerke müssen die Preise senken. 2. Der Landkreis muss die Busse am "
     "1. Mai fahren lassen. 3. Das Land muss zahlen.", "de", ["1", "2", "3"]),
    ("<p>1) Provost Alvarez must apologise. 2) The governing body must publish the "
     "accounts.</p>", "en", ["1", "2"]),
    ("a) De wijkraad moet de straat afsluiten. b) De wijkraad moet bomen planten.", "nl",
     ["a", "b"]),
])
def test_points_that_count_on_within_one_line_are_points_of_their_own(text, lang, numbers):
    fmt = "html" if text.startswith("<") else "text"
    assert [d.number for d in demands(text, lang, fmt)] == numbers


def test_a_date_inside_a_point_is_no_point():
    text = "1. Der Landkreis muss die Busse ab dem 1. Mai fahren lassen."
    assert [d.number for d in demands(text, "de")] == ["1"]


def test_bullets_written_on_one_line_are_items():
    text = "Wir fordern: • Mehr Lehrkräfte • Kleinere Klassen • Bessere Ausstattung"
    assert [d.text for d in demands(text, "de")] == [
        "Mehr Lehrkräfte", "Kleinere Klassen", "Bessere Ausstattung"]


def test_a_salutation_halfway_down_addresses_only_the_letter_after_it():
    text = (
        "Resolution der Fachschaftenkonferenz\n\n"
        "Wir fordern, dass das Stipendium auch im Praxissemester weitergezahlt wird.\n\n"
        "Offener Brief\n\n"
        "Sehr geehrte Frau Senatorin Beispiel,\n\n"
        "wir fordern Sie auf, ein Nachfolgeprogramm aufzulegen.\n\n"
        "Mit freundlichen Grüßen\n")
    units = found(text, "de")
    assert [names for unit, names in units if unit.startswith("Wir fordern, dass")] == [[]]
    assert [names for unit, names in units if unit.startswith("wir fordern Sie")] == [
        ["Senatorin Beispiel"]]


def test_a_polite_request_that_leads_into_a_list_asks_the_letters_recipient():
    text = ("Dear Ms. Okonkwo,\n\nWe write on behalf of forty groups.\n\n"
            "Please announce, before July 1:\n\n"
            "- a written heat plan for every depot;\n"
            "- paid rest breaks of at least 15 minutes.\n\nSincerely,\n")
    assert found(text, "en") == [
        ("a written heat plan for every depot;", ["Ms. Okonkwo"]),
        ("paid rest breaks of at least 15 minutes.", ["Ms. Okonkwo"])]


@pytest.mark.parametrize(("sentence", "lang", "name"), [
    # the object after the modal is none ("Schulen" names an actor elsewhere)
    ("Die Kreisverwaltung muss die Schulen endlich angemessen ausstatten.", "de",
     "Kreisverwaltung"),
    ("Die Schulbehörden tragen die Verantwortung und müssen die Vergütung finanzieren.",
     "de", "Schulbehörden"),
    ("De wijkraad draagt de kosten en moet het plan uitvoeren.", "nl", "wijkraad"),
    ("The county council holds the land and must use it for housing.", "en",
     "county council"),
])
def test_the_one_obliged_is_the_subject_of_its_verb(sentence, lang, name):
    assert addressees_of(sentence, lang, sentence[:10]) == [name]


@pytest.mark.parametrize("sentence", [
    "Justice for Cleaners https://example.org/ Skip to content   Home   Demands   Timeline",
    "Members are invited to forward suggested locations to the parks office.",
    "We want to clear up a few points about the occupation.",
    "We have been asked by journalists what exactly we want.",
    # a call word heading a compound noun, the subject of "is"
    "The strike mandate is valid for six months.",
])
def test_what_asks_nobody_in_english(sentence):
    assert found(sentence, "en") == []


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Sehr geehrter Herr Senator,\n\nwir fordern Sie auf, die Kürzungen zurückzunehmen.\n\n"
     "Mit freundlichen Grüßen\n\nIhre Fachschaften\n\n"
     "Dieser Brief geht an den Senator für Hochschulen, Herrn Dr. Max Beispiel, sowie in "
     "Kopie an die Presse.", "de", "Senator für Hochschulen"),
    ("Resolution der Vollversammlung\n\nWir fordern Sie auf, zurückzutreten.\n\n"
     "Offener Brief an die Landesbildungsdirektorin.", "de", "Landesbildungsdirektorin"),
    ("Dear Minister,\n\nWe urge you to restore the grant.\n\nYours sincerely,\n\nThe Trust\n\n"
     "This letter was sent to the Secretary of State for Education.", "en",
     "Secretary of State for Education"),
    ("Geachte minister,\n\nWij verzoeken u om de subsidie te herstellen.\n\n"
     "Met vriendelijke groet,\n\nHet bestuur\n\n"
     "Deze brief is verstuurd aan de minister van Onderwijs.", "nl", "minister van Onderwijs"),
])
def test_a_line_about_the_letter_names_whom_its_you_asks(text, lang, name):
    units = found(text, lang)
    assert len(units) == 1
    assert units[0][1] == [name]


def test_a_call_reported_in_a_subordinate_clause_in_the_past_perfect_is_no_demand():
    sentence = ("Das Postulat der Fraktion, das eine Überprüfung der Gebühren verlangt hatte, "
                "lehnte der Stadtrat ab.")
    assert found(sentence, "de") == []


def test_a_second_main_clause_of_the_authors_asks_on_its_own():
    sentence = ("In addition, we call on the Director of Estates to publish the cost breakdown, "
                "and we ask the Registrar of Lodgings to report each term on refusals.")
    assert found(sentence, "en") == [
        ("In addition, we call on the Director of Estates to publish the cost breakdown,",
         ["Director of Estates"]),
        ("and we ask the Registrar of Lodgings to report each term on refusals.",
         ["Registrar of Lodgings"])]


@pytest.mark.parametrize(("sentence", "names"), [
    # the one who asks between the verb and the one asked
    ("In de inzetbrief vraagt ZorgSamen de NVZ om een loonsverhoging van 14 procent.",
     ["NVZ"]),
    # the one a reported obligation binds
    ("Wij vinden dat de dorpsraad zich nog dit jaar expliciet over deze situatie moet "
     "uitspreken.", ["dorpsraad"]),
    ("Beide bonden vinden dat ook de dorpsraad als grote opdrachtgever schoonmakers beter "
     "moet betalen.", ["dorpsraad"]),
    # ... and not where the clause reports what is so
    ("De wijkraad wordt verzocht te erkennen, zoals de bond stelt dat de regio krimpt, "
     "dat de scholen te klein zijn.", ["wijkraad"]),
])
def test_dutch_clauses_that_name_the_one_asked_after_another(sentence, names):
    assert addressees_of(sentence, "nl", sentence[:10]) == names


def test_what_is_requested_is_not_the_one_asked():
    assert found("We request a written response by Friday 28 February.", "en") == [
        ("We request a written response by Friday 28 February.", [])]


def test_headings_that_name_whom_the_demands_under_them_address():
    text = (
        "<h1>Our Demands</h1>"
        "<h2>To the Board of Governors</h2>"
        "<h3>Demand 1: Freeze rents</h3><p>Freeze hall rents for the coming academic year.</p>"
        "<h2>To Provost Ada Moreno</h2>"
        "<h3>Demand 2: Smaller classes</h3><p>Cap seminar groups at 15 students.</p>"
        "<p>We also call on the Borough of Westfield to extend the night bus.</p>")
    units = found(text, "en", "html")
    assert units == [
        ("Freeze hall rents for the coming academic year.", ["Board of Governors"]),
        ("Cap seminar groups at 15 students.", ["Provost Ada Moreno"]),
        ("We also call on the Borough of Westfield to extend the night bus.",
         ["Borough of Westfield"])]


def test_the_one_who_appeals_may_stand_between_the_verb_and_whom_it_appeals_to():
    sentence = "Gleichzeitig appellierte Sommerfeld an die Bezirksregierung, die Quote anzuheben."
    assert addressees_of(sentence, "de", "Gleichzeitig") == ["Bezirksregierung"]


def test_the_formula_of_a_motion_ends_the_reasons_written_before_it():
    text = (
        "Betreff: Kassenstellen sichern\n\n"
        "Begründung:\n\n"
        "In fünf Bezirken ist derzeit eine Kassenstelle unbesetzt.\n\n"
        "Der Landtag wolle beschließen:\n\n"
        "Die Landesverwaltung wird aufgefordert,\n\n"
        "1. ein Sonderprogramm zur Besetzung der Kassenstellen vorzulegen,\n\n"
        "2. dem Landtag bis 30. Juni über die Umsetzung zu berichten.\n")
    assert [(d.number, d.addressees) for d in demands(text, "de")] == [
        ("1", ["Landesverwaltung"]), ("2", ["Landesverwaltung"])]


@pytest.mark.parametrize(("sentence", "lang"), [
    ("De FNV houdt vast aan een looneis van vijf procent voor volgend jaar.", "nl"),
    ("Verdi hält an ihrer Forderung nach acht Prozent mehr Lohn fest.", "de"),
    ("The union stands by its demand for a 5% rise.", "en"),
    ("The union reiterated its demand for a 5% rise.", "en"),
])
def test_a_demand_held_on_to_stands(sentence, lang):
    assert len(found(sentence, lang)) == 1


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Nach dem Schulgesetz muss die Schulleitung die Schülervertretung anhören.", "de"),
    ("Volgens de Onderwijswet moet de school de ouders informeren.", "nl"),
])
def test_what_a_law_named_by_its_compound_requires_is_no_demand(sentence, lang):
    assert found(sentence, lang) == []


def test_the_readers_body_named_with_the_readers_possessive_is_asked():
    text = ("Geachte leden van het dagelijks bestuur,\n\n"
            "Wij dringen er bij uw college op aan:\n\n"
            "1. Geef boeren een financiële garantie.\n"
            "2. Open een onafhankelijk loket.\n\nMet vriendelijke groet,\n")
    assert [d.addressees for d in demands(text, "nl")] == [["college"], ["college"]]


@pytest.mark.parametrize(("sentence", "lang", "name"), [
    ("De betogers willen ook dat de Vlaamse minister van Welzijn, Hilde Claeys, de "
     "kinderopvang meer middelen geeft.", "nl", "Vlaamse minister van Welzijn"),
    ("We urge the Department for Education, Skills, Training and Sport to act.", "en",
     "Department for Education, Skills, Training and Sport"),
])
def test_a_comma_after_a_name_runs_on_only_into_a_series(sentence, lang, name):
    names = addressees_of(sentence, lang, sentence[:8])
    assert names[0] == name
    assert not any(other.startswith(f"{name},") for other in names)


def test_a_last_line_cut_off_is_no_heading():
    text = ("Pressemitteilungen\n\nDigitalpakt: Schulen nicht allein lassen\n03.01.2019\n\n"
            "Die Elternkonferenz appelliert daher an Schulen und Bildungsverwaltungen\n")
    assert found(text, "de") == [
        ("Die Elternkonferenz appelliert daher an Schulen und Bildungsverwaltungen",
         ["Schulen", "Bildungsverwaltungen"])]


# --- who: named in the sentence before --------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "start", "name"), [
    ("Die Stiftung nimmt die Wasserverbände in die Pflicht. Sie sollten die Gebühren "
     "für Kleinbetriebe senken.", "de", "Sie sollten", "Wasserverbände"),
    ("Auch der Zweckverband sei gefordert. Er solle die Gutachten veröffentlichen, so "
     "Kessler.", "de", "Er solle", "Zweckverband"),
    ("De gemeenteraden moeten de tarieven bevriezen. Zij moeten bovendien de steigers "
     "herstellen.", "nl", "Zij moeten", "gemeenteraden"),
])
def test_a_pronoun_subject_names_whom_the_demand_before_asked(text, lang, start, name):
    names = addressees_of(text, lang, start)
    assert names == ([name] if isinstance(name, str) else name)


def test_the_phrase_after_a_modal_is_no_subject_after_a_pronoun_subject():
    # "Er" is the subject; the Fischereiverbände are what he is to support
    text = "Er solle die Fischereiverbände mit zusätzlichen Mitteln unterstützen."
    assert "Fischereiverbände" not in addressees_of(text, "de", "Er solle")


@pytest.mark.parametrize(("text", "lang"), [
    ("Eingereicht am 3. Juli von der Fraktion Blau.\n\n"
     "Die Hafenkommission wird beauftragt, die Liegeplätze neu zu vergeben.\n\n"
     "Auf die geplante Erhöhung der Liegegebühren ist zu verzichten.", "de"),
    ("Die Hafenkommission wird beauftragt, die Liegeplätze neu zu vergeben. Zudem ist "
     "dem Rat bis Ende Jahr ein Bericht zu unterbreiten, der die Kosten ausweist.", "de"),
])
def test_a_mandate_without_an_agent_goes_on_asking_whom_the_one_before_asked(text, lang):
    last = found(text, lang)[-1]
    assert last[1] == ["Hafenkommission"], found(text, lang)


def test_what_argues_after_a_colon_does_not_carry_the_mandate_on():
    text = ("Die Hafenkommission wird beauftragt, die Liegeplätze neu zu vergeben. "
            "Die Boote dürften nicht größer werden: Mehr als zwölf Meter seien nicht zu "
            "verantworten.")
    assert all(names != ["Hafenkommission"] for unit, names in found(text, "de")
               if unit.startswith("Die Boote")), found(text, "de")


def test_a_participle_on_the_next_line_completes_its_auxiliary():
    text = ("Die Hitzesommer haben gezeigt, dass die Stadt schlecht vorbereitet ist. Der "
            "Hafenrat wird\naufgefordert, einen Hitzeplan zu erarbeiten.\n")
    assert found(text, "de") == [
        ("Der Hafenrat wird aufgefordert, einen Hitzeplan zu erarbeiten.", ["Hafenrat"])]


# --- who: the other side of a bargaining round ------------------------------------------

@pytest.mark.parametrize(("text", "lang", "start", "name"), [
    ("Die Gewerkschaft fordert 9 Prozent mehr Lohn für die Gärtnereien.\n\n"
     "Die Verhandlungen mit den Gartenbauverbänden beginnen am 4. Mai in Erfurt.",
     "de", "Die Gewerkschaft", "Gartenbauverbände"),
    ("De bond eist zes procent meer loon voor de havenwerkers. Dat maakte de bond "
     "bekend bij de start van de cao-onderhandelingen met de stuwadoorsbedrijven.",
     "nl", "De bond eist", "stuwadoorsbedrijven"),
    ("The union wants a 6 per cent rise for porters.\n\n"
     "Negotiations with the hospital trusts will resume on 3 March.",
     "en", "The union wants", "hospital trusts"),
])
def test_demands_of_a_bargaining_round_are_made_of_the_other_side(text, lang, start, name):
    assert addressees_of(text, lang, start) == [name]


def test_a_negotiation_asked_for_names_no_other_side():
    # the negotiation is what is asked: its partners are no addressee of the text
    text = ("Der Verband tagte am Montag in Kassel.\n\nWir appellieren an die Pflegekassen, "
            "Vergütungsverhandlungen mit den kleinen Diensten abzuschließen.\n\n"
            "Die Gebühren müssen sinken.")
    assert addressees_of(text, "de", "Die Gebühren") == []


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Wir erwarten vom Arbeitgeberverband Gartenbau Thüringen (AGT) ein Angebot.", "de",
     "Arbeitgeberverband Gartenbau Thüringen"),
    ("Wir fordern den Landesverband Bayerischer Gärtnereien (LBG) auf, zu verhandeln.",
     "de", "Landesverband Bayerischer Gärtnereien"),
])
def test_the_words_an_acronym_defines_with_a_name_are_part_of_it(text, lang, name):
    assert addressees_of(text, lang, text[:8]) == [name]


# --- headlines over their date ---------------------------------------------------------

_OVERVIEW_DE = """# Pressemitteilungen

## Bahnhofsklos endlich barrierefrei umbauen
*8. November 2024*

Vor der Sitzung des Ausschusses erinnern wir an den Zustand der Anlagen.

## Kostenlose Fahrräder für alle Auszubildenden!
*2. September 2024*

Zum Ausbildungsbeginn haben wir Unterschriften gesammelt.

## Jugendring wählt neuen Vorstand
*19. Oktober 2024*

Die Vollversammlung hat am Samstag gewählt.

## Jahresbericht 2024 erschienen
*30. September 2024*

Der Bericht steht zum Download bereit.
"""

_OVERVIEW_NL = """PERSBERICHTEN

Zwembadtarieven voor scholieren definitief halveren
3 september 2024
De gemeente houdt vast aan de verhoging van de tarieven voor scholieren.

Jongerenraad kiest nieuw bestuur
28 augustus 2024
De algemene ledenvergadering heeft een nieuwe voorzitter gekozen.
"""


_OVERVIEW_DATE_ABOVE = """Aktuelles

14.03.2025

Schulbusse im Landkreis endlich klimatisieren

Im vergangenen Sommer stiegen die Temperaturen in den Bussen auf über 40 Grad.

02.03.2025

Landesschülerrat tagt in Erfurt

Die Delegierten berieten über die Wahlordnung.
"""


@pytest.mark.parametrize(("text", "lang", "fmt", "slogans", "reports"), [
    (_OVERVIEW_DATE_ABOVE, "de", "text", ["Schulbusse im Landkreis endlich klimatisieren"],
     ["Landesschülerrat tagt"]),
    (_OVERVIEW_DE, "de", "markdown",
     ["Bahnhofsklos endlich barrierefrei umbauen",
      "Kostenlose Fahrräder für alle Auszubildenden!"],
     ["Jugendring wählt neuen Vorstand", "Jahresbericht 2024 erschienen"]),
    (_OVERVIEW_NL, "nl", "text", ["Zwembadtarieven voor scholieren definitief halveren"],
     ["Jongerenraad kiest nieuw bestuur"]),
])
def test_a_headline_over_its_date_in_a_slogans_shape_is_a_demand(text, lang, fmt, slogans,
                                                                  reports):
    units = [unit for unit, _names in found(text, lang, fmt)]
    assert all(any(unit.startswith(slogan) for unit in units) for slogan in slogans), units
    assert not any(unit.startswith(report) for unit in units for report in reports), units


def test_a_date_line_under_a_headline_is_a_line_of_its_own():
    text = ("Zwembadtarieven voor scholieren definitief halveren\n3 september 2024\n"
            "De gemeente houdt vast aan de verhoging.\n")
    units = [unit for unit, _names in found(text, "nl")]
    assert "Zwembadtarieven voor scholieren definitief halveren" in units, units


@pytest.mark.parametrize(("line", "lang", "expected"), [
    ("18 september 2024 | Prinsjesdag", "nl", True),
    ("*26. November 2024*", "de", True),
    ("Pressemitteilung · 14.03.2025", "de", True),
    ("September 18, 2023", "en", True),
    ("Die Frist endet am 3. September 2024 um zwölf Uhr mittags.", "de", False),
    ("Die Kommission tagt im September.", "de", False),
])
def test_date_lines(line, lang, expected):
    from demandx.datelines import is_date_line
    from demandx.lang import load_language

    assert is_date_line(line, load_language(lang)) is expected
