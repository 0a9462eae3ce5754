"""Layouts and phrases of documents nobody tuned for: margin line numbers, hanging
indents, names with figures, members of a body, participles after a noun, the one who
asks between the verb and the one asked, and the authors' own plans in a list of
demands. The texts are written for the tests, not taken from the corpus."""

from __future__ import annotations

import pytest

from conftest import extract_str


def demands(text: str, lang: str | None = None, fmt: str = "text"):
    return list(extract_str(text, lang=lang, fmt=fmt).all_demands())


def texts_and_addressees(text: str, lang: str, fmt: str = "text"):
    return [(" ".join(d.text.split()), d.addressees) for d in demands(text, lang, fmt)]


def _numbered(lines: list[str]) -> str:
    """The lines with a margin line number before each, as motions print them."""
    return "\n".join(f"{number:>2}   {line}".rstrip() for number, line in
                     enumerate(lines, start=1))


MOTION_LINES = [
    "De raad van de gemeente Oudewater, in vergadering bijeen,",
    "",
    "constaterende dat:",
    "-  het aantal ongevallen bij de kruising is gestegen;",
    "-  ouders een petitie hebben aangeboden;",
    "",
    "overwegende dat:",
    "-  kinderen veilig naar school moeten kunnen fietsen;",
    "",
    "verzoekt het college:",
    "1.  nog voor de zomer snelheidsremmers aan te leggen op de",
    "    Molenstraat;",
    "2.  de verkeerslichten zo aan te passen dat fietsers langer",
    "    groen krijgen;",
    "3.  de raad voor oktober te informeren over de effecten;",
    "",
    "en gaat over tot de orde van de dag.",
    "",
    "Toelichting",
    "",
    "De afgelopen weken hebben de indieners met ouders gesproken.",
    "Het beeld is eenduidig: de kruising wordt als gevaarlijk ervaren.",
    "Steeds meer ouders brengen hun kinderen met de auto.",
]


def test_margin_line_numbers_are_no_part_of_the_text():
    found = texts_and_addressees("Motie veilig naar school\n\n" + _numbered(MOTION_LINES), "nl")
    assert found == [
        ("nog voor de zomer snelheidsremmers aan te leggen op de Molenstraat;", ["college"]),
        ("de verkeerslichten zo aan te passen dat fietsers langer groen krijgen;",
         ["college"]),
        ("de raad voor oktober te informeren over de effecten;", ["college"]),
    ]


def test_numbers_that_do_not_count_line_by_line_stay():
    # a list whose labels lack the dot: the numbers count the points, not the lines
    lines = ["Wir fordern:", ""] + [f"{n} Punkt {n} der Liste" for n in (1, 2, 3)] * 8
    text = "Forderungen\n\n" + "\n".join(lines)
    assert all(d.text.startswith(tuple("123")) for d in demands(text, "de"))


HANGING = (
    "Open brief\n\n"
    "Wij vragen u:\n\n"
    "1) Stel een aparte opvang voor jongeren\n"
    "   in, gescheiden van de nachtopvang.\n"
    "2) Betrek ervaringsdeskundigen bij de evaluatie van\n"
    "   de opvang.\n\n"
    "Daarnaast doen wij een beroep op de gemeenteraad om extra middelen vrij te maken.\n"
)


def test_a_hanging_indent_goes_on_with_its_item():
    first = demands(HANGING, "nl")[0]
    assert first.text == "Stel een aparte opvang voor jongeren in, gescheiden van de nachtopvang."


def test_a_paragraph_left_of_a_hanging_indent_is_outside_the_list():
    found = texts_and_addressees(HANGING, "nl")
    assert found[1] == ("Betrek ervaringsdeskundigen bij de evaluatie van de opvang.", [])
    assert found[2][1] == ["gemeenteraad"]


def test_a_flush_paragraph_after_a_flush_item_is_still_its_body():
    text = ("Antrag\n\nDer Stadtrat wird aufgefordert:\n\n"
            "1. Radwege ausbauen\n\n"
            "Die Radwege an der Hauptstraße sind zu schmal und müssen verbreitert werden.\n\n"
            "2. Ampeln umstellen\n")
    assert [d.number for d in demands(text, "de")] == ["1", "2"]


@pytest.mark.parametrize("code, text, addressees", [
    ("en", "We call on the G20 to scale up contributions to the fund.", ["G20"]),
    ("en", "Our asks to the COP30 Presidency\n\n- Place loss and damage at the centre of "
           "the agenda.\n- Secure a roadmap for the fund.", ["COP30 Presidency"]),
    # a participle after the noun says what they do, and is no part of their name
    ("en", "We call on ministers meeting in Lisbon to protect the open internet.",
     ["ministers"]),
    ("en", "We urge companies operating in the region to publish their emissions.",
     ["companies"]),
    # members name someone only with the body they belong to
    ("nl", "Wij roepen de leden van de gemeenteraad op om de motie te steunen.",
     ["leden van de gemeenteraad"]),
    ("de", "Wir fordern die Mitglieder im Kreistag auf, den Antrag abzulehnen.",
     ["Mitglieder im Kreistag"]),
    ("en", "We call on members of the Select Committee to reject the bill.",
     ["members of the Select Committee"]),
    # a count is no part of the name
    ("de", "Wir fordern die 16 Bundesländer auf, die Mittel aufzustocken.", ["Bundesländer"]),
    ("nl", "Wij roepen de 12 provincies op om de subsidie te verhogen.", ["provincies"]),
    ("en", "We urge the 32 local authorities to stop placing families in hotels.",
     ["local authorities"]),
    # the owner before a possessive determines the one asked
    ("en", "We urge the city's housing department to publish the waiting list.",
     ["housing department"]),
    ("en", "We call on Britain’s water companies to stop dumping sewage.",
     ["water companies"]),
    # a body named for two places or tasks joined by "and"
    ("en", "We urge the Calder and Rossendale Combined Transport Authority to restore the "
           "line.", ["Calder and Rossendale Combined Transport Authority"]),
    ("en", "Council resolves to ask the Overview and Scrutiny Committee to review the "
           "policy.", ["Overview and Scrutiny Committee"]),
    ("en", "We call on the Mayor and City Council to act.", ["Mayor", "City Council"]),
    # the common noun that classifies a name is no part of it; a title that takes one is
    ("en", "We urge the regulator Ofwat to block any bonus payments.", ["Ofwat"]),
    ("nl", "De FNV eist van werkgeversorganisatie Jeugdzorg Nederland een loonsverhoging.",
     ["Jeugdzorg Nederland"]),
    ("nl", "Wij vragen de gemeente Utrecht om de regels te handhaven.", ["gemeente Utrecht"]),
    # a series goes on past the short name in brackets after one of its members
    ("en", "We call on the Department for Education (DfE), the local authorities and the "
           "academy trusts to publish the figures.",
     ["Department for Education", "local authorities", "academy trusts"]),
])
def test_names_as_written(code, text, addressees):
    found = demands(text, code)
    assert found and all(d.addressees == addressees for d in found)


@pytest.mark.parametrize("code, text, addressees", [
    # the one who asks between the verb and the one asked
    ("de", "Um die Lage zu entschärfen, fordert die Gewerkschaft von der Stadt die "
           "Schaffung von 60 Stellen.", ["Stadt"]),
    ("nl", "Concreet eist de FNV van de werkgevers een loonsverhoging van acht procent.",
     ["werkgevers"]),
    ("de", "In dem Antrag verlangt die Fraktion außerdem, dass die Verwaltung bis Juni "
           "einen Bericht vorlegt.", ["Verwaltung"]),
    # whatever opens the sentence before the verb: the one who wants follows it
    ("nl", "Naast de loonsverhoging wil de bond dat werkgevers uitzendkrachten na een jaar "
           "een vast contract geven.", ["werkgevers"]),
    ("de", "Neben der Lohnerhöhung will die Gewerkschaft, dass die Arbeitgeber die "
           "Fahrtkosten übernehmen.", ["Arbeitgeber"]),
    # a title as the end of a compound is one who can act
    ("de", "Der Oberbürgermeister muss jetzt das Gespräch mit dem Landkreis suchen.",
     ["Oberbürgermeister"]),
    # a report of asking someone to act
    ("en", "It also asked employers to cover travel costs for training days.",
     ["employers"]),
    ("de", "Die Schüler verlangen von der KMK ein Programm von Bund und Ländern.", ["KMK"]),
])
def test_who_is_asked(code, text, addressees):
    found = demands(text, code)
    assert [d.addressees for d in found] == [addressees]


@pytest.mark.parametrize("code, text", [
    # "vragen" asks its object: the phrase after it is the one asked, with its name
    ("nl", "De gemeenteraad vraagt het college van burgemeester en schepenen om een "
           "herziening te vragen."),
    # "von" that names what is demanded names no one
    ("de", "Der Verband fordert die Abschaffung von Kita-Gebühren."),
    ("de", "Wir fordern den Landtag von Rheinland-Pfalz auf, das Schulgesetz zu ändern."),
])
def test_not_the_one_asked(code, text):
    names = [name.lower() for d in demands(text, code) for name in d.addressees]
    assert not {"burgemeester", "schepenen", "kita-gebühren", "rheinland-pfalz"} & set(names)


@pytest.mark.parametrize("code, text, lead", [
    ("nl", "Cao-inzet\n\nDe FNV legt de volgende eisen op tafel bij de directie:\n\n"
           "- een loonsverhoging van 7 procent;\n- een cao met een looptijd van een jaar.\n",
     "directie"),
    ("nl", "Looneis\n\nDe bonden leggen hun eisen neer bij de werkgevers in de metaal:\n\n"
           "- vijf procent meer loon;\n- een vierdaagse werkweek.\n", "werkgevers"),
])
def test_demands_laid_before_someone(code, text, lead):
    found = demands(text, code)
    assert len(found) == 2 and all(d.addressees == [lead] for d in found)


def test_the_authors_own_plans_in_a_list_of_demands_are_none():
    # a document titled as a list of demands: its lists are demands wherever they stand,
    # but not where its authors say what they will do themselves
    text = ("# Our Demands: Housing and Pay\n\n"
            "1. Freeze rents in all residence halls.\n"
            "2. Repair the heating in Corrigan Hall before winter.\n\n"
            "## What we will do\n\n"
            "- We will hold a rally on the Commons on Thursday at noon.\n"
            "- We will keep collecting testimonies from residents.\n")
    assert [d.number for d in demands(text, "en", fmt="markdown")] == ["1", "2"]


def test_headings_that_are_demand_phrases_head_their_lists():
    text = ("# Unsere Forderungen\n\n"
            "## Offene Schnittstellen für Daten und Dokumente\n\n"
            "- Tagesordnungen als XML\n- Abstimmungen als Tabelle\n\n"
            "## Öffnung historischer Protokolle\n\n"
            "- Protokolle seit 1949\n\n"
            "## Verkehr\n\n"
            "- Mehr Busse auf dem Land\n")
    found = demands(text, "de", fmt="markdown")
    titles = [d.title for d in found]
    assert "Offene Schnittstellen für Daten und Dokumente" in titles
    assert "Öffnung historischer Protokolle" in titles
    # a topic that groups demands is no demand of its own
    assert "Verkehr" not in titles


def test_a_lone_title_in_a_part_of_demands_is_no_demand():
    text = ("Beschluss des Kreistags\n\n"
            "Sportstätten sanieren und öffnen\n\n"
            "1. Der Kreistag bittet die Verwaltung, die Hallen zu sanieren.\n"
            "2. Der Kreistag bittet die Verwaltung, die Hallen abends zu öffnen.\n")
    found = demands(text, "de")
    assert [d.number for d in found] == ["1", "2"]


@pytest.mark.parametrize("code, text", [
    ("en", "# Our Demands to the Provost\n\n1. Freeze tuition for next year.\n\n"
           "## Why this matters\n\n- Tuition has risen by a fifth since 2019.\n"
           "- Students have no vote on the search committee.\n"),
    ("de", "# Unsere Forderungen an die Stadt\n\n1. Mehr Busse im Quartier.\n\n"
           "## Warum wir streiken\n\n- Die Busse fahren nur stündlich.\n"
           "- Die Preise sind gestiegen.\n"),
])
def test_the_reasons_for_demands_are_none(code, text):
    assert [d.number for d in demands(text, code, fmt="markdown")] == ["1"]


def test_an_indented_section_ends_where_the_text_comes_back_left():
    text = ("Traktandenliste\n\n"
            "11   2024.SR.000101\n"
            "     Motion Fraktion A (Eva Muster, A):\n"
            "     Sichere Schulwege im Quartier Nord\n\n"
            "     Der Gemeinderat wird beauftragt, Tempo 30 einzuführen.\n\n"
            "     Begründung\n"
            "     Die Zahl der Kinder ist gestiegen.\n\n"
            "12   2024.SR.000102\n"
            "     Postulat Fraktion B (Urs Beispiel, B):\n"
            "     Mehr Trinkbrunnen in der Altstadt\n\n"
            "     Der Gemeinderat wird aufgefordert, zehn Trinkbrunnen zu erstellen.\n\n"
            "     Begründung\n"
            "     Die Sommer werden heisser.\n")
    found = texts_and_addressees(text, "de")
    assert [names for _text, names in found] == [["Gemeinderat"], ["Gemeinderat"]]
    assert "Trinkbrunnen" in found[1][0]


def test_a_centred_heading_over_text_at_the_margin_keeps_its_text():
    text = ("Antrag\n\n"
            "                    Begründung\n\n"
            "Die Zahl der Kinder ist gestiegen. Der Senat muss daher handeln.\n")
    assert demands(text, "de") == []


def test_numbered_part_titles_say_what_their_part_is_and_whom_it_addresses():
    text = ("Positionspapier\n\n"
            "1. Ausgangslage\n\n"
            "Die Jugendarbeit hat wenig Geld.\n\n"
            "2. Unsere Forderungen\n\n"
            "2.1 An den Stadtjugendausschuss\n\n"
            "- Ein Jugendfonds von 50.000 Euro jährlich.\n"
            "- Rederecht für Jugendvertreter in allen Ausschüssen.\n\n"
            "2.2 An die Kreisverwaltung\n\n"
            "- Eine Fachstelle für Jugendbeteiligung.\n")
    found = texts_and_addressees(text, "de")
    assert found == [
        ("Ein Jugendfonds von 50.000 Euro jährlich.", ["Stadtjugendausschuss"]),
        ("Rederecht für Jugendvertreter in allen Ausschüssen.", ["Stadtjugendausschuss"]),
        ("Eine Fachstelle für Jugendbeteiligung.", ["Kreisverwaltung"]),
    ]


@pytest.mark.parametrize("code, text, addressees", [
    # the women's and men's forms of one group name one addressee
    ("de", "Wir fordern die Kämmerinnen und Kämmerer auf, die Mittel freizugeben.",
     ["Kämmerinnen und Kämmerer"]),
    ("de", "Wir fordern die Schulleiter und Schulleiterinnen auf, die Pläne vorzulegen.",
     ["Schulleiter und Schulleiterinnen"]),
    # two addressees, the preposition repeated
    ("de", "Wir appellieren an die Ortsvorsteher sowie an die Schulleitungen, die Wege "
           "freizuhalten.", ["Ortsvorsteher", "Schulleitungen"]),
    ("nl", "Wij doen een beroep op de wethouder en op de schoolbesturen om de wegen vrij "
           "te houden.", ["wethouder", "schoolbesturen"]),
    # the parse may hang "von" on the one who asks
    ("de", "Konkret fordert die Schülerkonferenz von der Kultusministerkonferenz "
           "zusätzliche Milliarden für die Sanierung.", ["Kultusministerkonferenz"]),
])
def test_who_is_asked_by_name(code, text, addressees):
    found = demands(text, code)
    assert [sorted(d.addressees) for d in found] == [sorted(addressees)]


def test_a_list_of_news_cards_keeps_each_headline_with_its_teaser():
    page = ("<html><body><h1>Press releases</h1><ul>"
            "<li><h2>Votes at 16: Network calls on Government to act</h2>"
            "<p>12 March 2025</p><p>The Network today called on the Government to lower "
            "the voting age.</p></li>"
            "<li><h2>New board elected at the AGM</h2><p>30 January 2025</p>"
            "<p>Members elected a new chair.</p></li>"
            "<li><h2>Apprentice pay: our submission</h2><p>16 January 2025</p>"
            "<p>Apprentices should receive the full wage. It also asked employers to "
            "cover travel costs.</p></li></ul></body></html>")
    from demandx.loaders import load_bytes

    text = load_bytes(page.encode("utf-8"), "<test>", "html").text
    assert text.index("Votes at 16") < text.index("12 March 2025") < \
        text.index("New board elected")
    found = texts_and_addressees(page, "en", fmt="html")
    assert ("It also asked employers to cover travel costs.", ["employers"]) in found
    # a headline after a demand is no point of it
    assert not any(t.startswith("New board") for t, _names in found)


def test_a_run_of_words_does_not_run_into_the_call_verb():
    found = demands("Rent crisis: students urge Housing Minister to cap rents.", "en")
    assert [d.addressees for d in found] == [["Housing Minister"]]


@pytest.mark.parametrize("code, text", [
    ("nl", "De FNV wil een loonsverhoging van vijf procent voor de medewerkers."),
    ("de", "Die Gewerkschaft will fünf Prozent mehr Lohn für die Beschäftigten."),
])
def test_a_share_written_in_words_is_a_pay_demand(code, text):
    assert len(demands(text, code)) == 1


@pytest.mark.parametrize("code, text", [
    # a modal in an embedded question says what the text is about, not what it asks
    ("nl", "In dit stuk beschrijven we waarom, en wat er volgens ons moet gebeuren."),
    ("de", "Wir beschreiben hier, was aus unserer Sicht passieren muss."),
])
def test_a_modal_in_an_embedded_question_asks_nothing(code, text):
    assert demands(text, code) == []


def test_a_question_that_opens_on_what_keeps_the_demand_after_it():
    found = demands("Wat moet er gebeuren? Het kabinet moet ingrijpen.", "nl")
    assert [d.addressees for d in found] == [["kabinet"]]


def test_a_news_card_keeps_the_words_between_its_blocks():
    from demandx.loaders import load_bytes

    page = (b"<html><body><ul><li><h2>Headline of the card</h2> loose words here "
            b"<p>Teaser text.</p></li></ul></body></html>")
    text = load_bytes(page, "<test>", "html").text
    assert "loose words here" in text
    assert text.index("Headline") < text.index("loose words") < text.index("Teaser")


def test_the_last_part_of_a_hyphenated_compound_is_a_heading_cue():
    # "Cao-eisen" names demands as "Eisen" does: the points under it are demands, and
    # whom the round's demands are put to asks them
    text = ("# Cao-eisen Groothandel 2026\n\n## Inleiding\n\nWij leggen de volgende eisen "
            "op tafel bij de werkgevers in de groothandel.\n\n## Loon\n\n"
            "1. Een structurele loonsverhoging van 6% per 1 maart 2026.\n"
            "2. Een eenmalige uitkering van € 500 voor iedereen.\n")
    found = texts_and_addressees(text, "nl", "markdown")
    assert [t for t, _a in found] == [
        "Een structurele loonsverhoging van 6% per 1 maart 2026.",
        "Een eenmalige uitkering van € 500 voor iedereen."]
    assert all(a == ["werkgevers"] for _t, a in found)


def test_a_resolutions_imperative_point_asks_whom_it_names():
    text = ("This Council resolves to:\n\n"
            "1. Ask the Parks Portfolio Holder to:\n"
            "   i. publish the tree survey by March;\n"
            "   ii. replant every felled tree within a year.\n\n"
            "2. Urge the Harbour Trust to reopen the slipway.\n")
    found = list(extract_str(text, lang="en").demands)
    assert [d.addressees for d in found] == [["Parks Portfolio Holder"], ["Harbour Trust"]]
    assert [(i.number, i.addressees) for i in found[0].items] == [
        ("i", ["Parks Portfolio Holder"]), ("ii", ["Parks Portfolio Holder"])]


@pytest.mark.parametrize(("code", "text", "last"), [
    ("nl", "Wij vragen het volgende:\n\nVerzoek 1 – Snelheid\nHet waterschap moet de "
           "dijk verhogen.\n\nVerzoek 2 – Veer\nHet veerbedrijf moet vaker varen.\n\n"
           "Tot slot moet de provincie de kade herstellen.\n", "provincie"),
    ("en", "Our recommendations:\n\nRecommendation 1 – Speed\nThe speed limit on Mill "
           "Road must drop to 20 mph.\n\nRecommendation 2 – Crossing\nThe Highways Board "
           "must build a crossing.\n\nFinally, the Ferry Company must restore the Sunday "
           "service.\n", "Ferry Company"),
    ("de", "Wir empfehlen:\n\nEmpfehlung 1 – Tempo\nDie Stadt muss Tempo 30 anordnen.\n\n"
           "Empfehlung 2 – Fähre\nDer Fährbetrieb muss öfter fahren.\n\nZudem muss die "
           "Hafenbehörde den Kai sanieren.\n", "Hafenbehörde"),
])
def test_a_labelled_title_line_over_its_text_is_a_point(code, text, last):
    found = demands(text, code)
    assert [d.number for d in found] == ["1", "2", None]
    # the paragraph after the last point's body is none of it: every other point's
    # body stands right under its title line
    assert last not in found[1].text
    assert found[2].addressees == [last]


_IN_CAPITALS = "{}\n\n- Item one in the list\n- Item two in the list\n"
_AS_A_QUESTION = "Intro.\n\n{}\n• Erste Sache für alle\n• Zweite Sache für alle\n"


@pytest.mark.parametrize(("code", "layout", "heading", "addressee"), [
    # a heading in capitals
    ("de", _IN_CAPITALS, "UNSERE FORDERUNGEN AN DIE GESCHÄFTSLEITUNG", "Geschäftsleitung"),
    ("nl", _IN_CAPITALS, "ONZE EISEN AAN HET DAGELIJKS BESTUUR", "dagelijks bestuur"),
    ("en", _IN_CAPITALS, "OUR DEMANDS TO THE GOVERNORS", "governors"),
    # the question a list of demands answers
    ("nl", _AS_A_QUESTION, "Wat vraagt de vzw aan de Vlaamse regering?", "Vlaamse regering"),
    ("de", _AS_A_QUESTION, "Was fordert der Sozialverband von der Landesregierung?",
     "Landesregierung"),
    ("en", _AS_A_QUESTION, "What are we asking the Welsh Government to do?",
     "Welsh Government"),
])
def test_a_heading_names_whom_its_points_ask(code, layout, heading, addressee):
    found = demands(layout.format(heading), code)
    assert [d.addressees for d in found] == [[addressee], [addressee]]


@pytest.mark.parametrize(("code", "text", "addressees"), [
    ("de", "Der Kreistag möge beschließen:\n\n1. Die Kreisverwaltung legt dem Ausschuss "
           "bis Juni einen Bericht vor.\n2. Die Schulleitungen sind frühzeitig "
           "einzubeziehen.\n", [["Kreisverwaltung"], []]),
    ("de", "Der Gemeinderat möge beschließen:\n\n1. Die Verwaltung wird beauftragt, ein "
           "Konzept für den Schulweg vorzulegen.\n\n2. Dem Bauausschuss ist halbjährlich "
           "über den Stand zu berichten.\n", [["Verwaltung"], []]),
])
def test_under_the_operative_formula_a_point_asks_its_own_subject(code, text, addressees):
    # the body that decides does not do what its points decide: a point that names no
    # one to act asks no one; the patient of a mandate ("sind ... einzubeziehen") is no
    # one asked
    assert [d.addressees for d in demands(text, code)] == addressees


@pytest.mark.parametrize(("code", "text", "addressee"), [
    ("nl", "Wij, ouders, grootouders, leerkrachten, buren en werkgevers uit de streek, "
           "vragen het Vlaams Parlement om:\n\n– de subsidies te verhogen;\n– de norm te "
           "verlagen.\n", "Vlaams Parlement"),
    ("de", "Wir, Eltern, Großeltern, Lehrkräfte, Nachbarn und Betriebe aus der Region, "
           "fordern die Landesregierung auf:\n\n– die Zuschüsse zu erhöhen;\n– den "
           "Schlüssel zu senken.\n", "Landesregierung"),
    ("en", "We, parents, grandparents, teachers, neighbours and employers of the valley, "
           "call on the Welsh Government to:\n\n- raise the grants;\n- lower the ratio.\n",
     "Welsh Government"),
])
def test_the_authors_named_in_a_long_series_lead_into_the_points(code, text, addressee):
    found = demands(text, code)
    assert len(found) == 2
    assert all(d.addressees == [addressee] for d in found)


def test_whom_a_dutch_request_asks_with_aan_before_om():
    text = ("Wij vragen daarnaast aan de schoolbesturen en de kinderopvangorganisaties van "
            "de regio om lege lokalen ter beschikking te stellen.\n")
    assert [d.addressees for d in demands(text, "nl")] == [
        ["schoolbesturen", "kinderopvangorganisaties"]]


@pytest.mark.parametrize(("code", "text", "addressee"), [
    ("nl", "# Motie\n\n## Dragen Gedeputeerde Staten op\n\nbij de aanbesteding een "
           "minimumbediening op te nemen;\n", "Gedeputeerde Staten"),
    ("de", "# Antrag\n\n## Der Kreisausschuss wird beauftragt\n\nbis zum Herbst ein "
           "Konzept für den Busverkehr vorzulegen.\n", "Kreisausschuss"),
])
def test_a_call_set_as_a_heading_goes_on_in_the_paragraph_after_it(code, text, addressee):
    found = demands(text, code, "markdown")
    assert len(found) == 1
    assert found[0].addressees == [addressee]
    assert found[0].text.split()[-1] in text.split()[-1]


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Mit der Planung wurde das Ingenieurbüro Rautenberg beauftragt."),
    ("nl", "In 2023 werd het dagelijks bestuur verzocht de tarieven te herzien."),
    ("en", "In 2023 the trustees were asked to review the scheme."),
])
def test_a_call_reported_in_the_past_passive_is_no_demand(code, text):
    assert demands(text, code) == []


def test_a_running_header_of_every_page_but_the_first_is_no_text():
    # a short document's header repeats only on the pages after the letterhead's; a line
    # that ends a short page is no header for standing there
    header = "\fBOA Comments - Docket 2025-117\n\n"
    text = ("Comments of the Boat Owners Association\n\n"
            "Recommendation 1. The Harbour Board should dredge the first berth and report on "
            "the\ncost of the works before the end of the year.\n\n"
            "Recommendation 2. The Harbour Board should set a firm deadline for the\n\n"
            + header + "repairs of the slipway on the east side of the harbour.\n\n"
            "Recommendation 3. The Coastguard should review the buoys at the harbour mouth.\n\n"
            + header + "Recommendation 4. The Council should light the promenade at night.\n")
    found = demands(text, "en")
    assert [d.number for d in found] == ["1", "2", "3", "4"]
    assert all("Docket" not in d.text for d in found)
    assert found[1].text.endswith("the repairs of the slipway on the east side of the harbour.")


@pytest.mark.parametrize(("code", "text", "addressee"), [
    ("en", "The Marine Safety Agency (MSA) should publish its study within a year.",
     "Marine Safety Agency"),
    ("nl", "Het Centraal Bureau voor de Statistiek (CBS) moet de cijfers publiceren.",
     "Centraal Bureau voor de Statistiek"),
    ("de", "Die Landesanstalt (LfU) muss ihre Messwerte veröffentlichen.", "Landesanstalt"),
])
def test_the_short_name_in_brackets_between_subject_and_modal(code, text, addressee):
    assert [d.addressees for d in demands(text, code)] == [[addressee]]


def test_page_footers_that_count_pages_end_pages_without_form_feeds():
    # text extracted without form feeds keeps the page's footer ("pagina 1 van 2") and
    # the next page's header, which repeat: the list goes on across them
    header = "                                          Waterschap Vallei\n\n"
    footer = "Motie 2025-03 - Kwijtschelding                     pagina {n} van 2\n\n"
    text = (header + "MOTIE\n\nDe verenigde vergadering,\n\nverzoekt het dagelijks "
            "bestuur:\n•    de kwijtschelding te verruimen;\n•    de aanvragers "
            "sneller te informeren;\n\n\n" + footer.format(n=1) + header
            + "•    de regeling in 2026 te evalueren;\n\nen gaat over tot de orde van de dag.\n\n"
            + footer.format(n=2))
    found = demands(text, "nl")
    assert [d.text for d in found] == ["de kwijtschelding te verruimen;",
                                       "de aanvragers sneller te informeren;",
                                       "de regeling in 2026 te evalueren;"]
    assert all(d.addressees == ["dagelijks bestuur"] for d in found)


def test_a_page_footer_on_the_last_line_opens_no_page_after_it():
    # a rule under the footer opens every page but the first: a header, not a break
    # that ends the list running on across the pages
    footer = "Resolution No. 2025-17                                Page {n} of 3\n\n"
    rule = "-" * 60 + "\n\n"
    text = ("BE IT FURTHER RESOLVED that the Harbor Master is directed to prepare a "
            "plan that shall include:\n\n(a) a map of the moorings;\n\n(b) a schedule "
            "for dredging the\n\n" + footer.format(n=1) + rule
            + "inner basin; and\n\n(c) a survey of the breakwater.\n\n"
            "BE IT FURTHER RESOLVED that the Town Clerk is directed to send copies of "
            "this resolution to the Governor.\n\n" + footer.format(n=2) + rule
            + "PASSED AND ADOPTED on the 2nd day of May.\n\n" + footer.format(n=3))
    found = demands(text, "en")
    assert [d.number for d in found] == ["a", "b", "c", None]
    assert found[1].text == "a schedule for dredging the inner basin; and"
    assert [d.addressees for d in found] == [["Harbor Master"]] * 3 + [["Town Clerk"]]


@pytest.mark.parametrize(("code", "heading"), [
    ("nl", "Wat wij willen"), ("nl", "Onze plannen"), ("de", "Unsere Pläne"),
    ("en", "Our plans"), ("de", "Unsere Ziele"), ("nl", "Onze doelen"), ("en", "Our goals")])
def test_headings_of_a_programmes_demands(code, heading):
    text = f"# Programm\n\n## {heading}\n\n- Erste Sache für alle\n- Zweite Sache für alle\n"
    assert len(demands(text, code, "markdown")) == 2


@pytest.mark.parametrize(("code", "item"), [
    ("nl", "Een Klimaatfonds van € 5 miljoen voor het isoleren van huurwoningen"),
    ("de", "Ein Beirat für Klimafragen mit Vertretern aller Stadtteile"),
])
def test_a_verbless_point_names_no_subject(code, item):
    heading = {"nl": "Onze eisen", "de": "Unsere Forderungen"}[code]
    found = demands(f"{heading}\n\n- {item}\n- Meer bomen\n", code)
    assert found[0].addressees == []


@pytest.mark.parametrize(("text", "addressees"), [
    ("BE IT FURTHER RESOLVED that the Town Board urges the State Assembly to fund the "
     "ferry.", ["State Assembly"]),
    ("BE IT FURTHER RESOLVED that the Town Board respectfully requests the Department of "
     "Harbors (DOH) to dredge the channel.", ["Department of Harbors"]),
    ("RESOLVED, that the Harbormaster shall prepare a mooring plan.", ["Harbormaster"]),
])
def test_the_body_that_resolves_to_call_on_another_is_not_asked(text, addressees):
    assert [d.addressees for d in demands(text, "en")] == [addressees]


def test_a_running_header_with_its_page_number_on_the_outer_side_is_furniture():
    text = ("Antrag der Fraktion\n\nDer Landtag wolle beschließen:\n\nDie Landesregierung "
            "wird aufgefordert,\n\n1. ein Gutachten zur Geburtshilfe in Auftrag zu geben,\n\n"
            "\f2          Landtag · 19. Wahlperiode · Drucksache 19/1234\n\n\n"
            "2. die Zahl der Ausbildungsplätze um 30 Prozent zu erhöhen,\n\n"
            "\fLandtag · 19. Wahlperiode · Drucksache 19/1234          3\n\n\n"
            "3. den Haftungsfonds einzurichten.\n")
    found = [d for d in demands(text, "de") if d.number]
    assert [d.number for d in found] == ["1", "2", "3"]
    assert all(d.addressees == ["Landesregierung"] for d in found)


def test_a_markdown_block_quote_is_the_quoted_text():
    # a sample letter quoted on a campaign page: its lines are text, ">" is no demand
    text = ("# Actie\n\nStuur deze mail naar de staatssecretaris:\n\n> Geachte "
            "staatssecretaris,\n>\n> Ik vraag u daarom:\n>\n> 1. te kiezen voor variant C;\n"
            "> 2. geen besluit te nemen.\n>\n> Met vriendelijke groet,\n>\n> [naam]\n")
    found = demands(text, "nl", "markdown")
    assert [(d.number, d.text) for d in found] == [("1", "te kiezen voor variant C;"),
                                                  ("2", "geen besluit te nemen.")]
    assert all(d.addressees == ["staatssecretaris"] for d in found)


def test_a_portfolio_that_ends_on_an_actor_word_stays_in_the_name():
    found = demands("Wij vragen de minister van Infrastructuur en Waterstaat om het bos "
                    "te sparen.", "nl")
    assert [d.addressees for d in found] == [["minister van Infrastructuur en Waterstaat"]]


@pytest.mark.parametrize("trail", [
    "[Home](/) > [About](/about) > Our demands",
    "[Startseite](/) › [Kommunalwahl 2024](/kommunalwahl/) › Wahlprogramm",
])
def test_a_breadcrumb_trail_is_navigation(trail):
    text = (f"{trail}\n\n# Our demands\n\nWe are calling on the Welsh Government to act:\n\n"
            "## 1. Scrap the bedroom tax\n\nIt hurts families.\n\n"
            "## 2. Fund councils properly\n\nServices have closed.\n")
    loaded = extract_str(text, lang="en", fmt="markdown")
    assert "Home" not in loaded.title and "Startseite" not in loaded.title
    points = [d for d in loaded.all_demands() if d.number]
    assert [(d.number, d.addressees) for d in points] == [("1", ["Welsh Government"]),
                                                          ("2", ["Welsh Government"])]


def test_a_resolutions_points_in_the_infinitive_ask_whom_they_name():
    text = ("Council therefore agrees:\n\n"
            "1. to write to the Welsh Government calling for the Rural Bus Fund to be "
            "increased;\n\n"
            "2. to ask the Cabinet Secretary for Transport to meet a cross-party delegation;\n\n"
            "3. to lobby the Harbour Trust to reopen the slipway.\n")
    found = demands(text, "en")
    assert [(d.number, d.addressees) for d in found] == [
        ("1", ["Welsh Government"]), ("2", ["Cabinet Secretary for Transport"]),
        ("3", ["Harbour Trust"])]


@pytest.mark.parametrize(("code", "text", "addressees"), [
    ("nl", "# Onze eisen\n\nDe actiegroep eist dat:\n\n- de staatssecretaris kiest voor "
           "variant C;\n- de provincie Zuid-Holland zich publiek uitspreekt.\n",
     [["staatssecretaris"], ["provincie Zuid-Holland"]]),
    ("de", "# Forderungen\n\nDie Initiative fordert, dass:\n\n- der Landkreis die Buslinie "
           "erhält;\n- die Stadtverwaltung einen Radweg plant.\n",
     [["Landkreis"], ["Stadtverwaltung"]]),
])
def test_points_that_complete_a_call_ending_in_its_complementizer_ask_their_subjects(
        code, text, addressees):
    assert [d.addressees for d in demands(text, code, "markdown")] == addressees



@pytest.mark.parametrize(("code", "text", "addressee"), [
    ("de", "Der Regierungsrat wird beauftragt, dem Kantonsrat eine Vorlage zum Schulraum "
           "vorzulegen. Die Vorlage soll namentlich folgende Punkte regeln:\n\n"
           "1. Der Kanton erstellt alle zwei Jahre eine Prognose der Schülerzahlen.\n\n"
           "2. Wachsende Schulgemeinden erhalten zinsgünstige Darlehen.\n", "Regierungsrat"),
    ("en", "We ask the Trust Board to publish a staffing plan for the wards. The plan "
           "should cover the following points:\n\n"
           "1. The number of nurses on every night shift.\n\n"
           "2. The use of agency staff in the emergency department.\n", "Trust Board"),
])
def test_points_that_spell_out_the_demand_before_them(code, text, addressee):
    found = demands(text, code)
    assert [d.number for d in found] == [None, "1", "2"]
    assert all(d.addressees == [addressee] for d in found)


@pytest.mark.parametrize(("code", "text"), [
    ("de", "## Unsere Forderungen\n\n### 2.1 Finanzierung\n\n"
           "- Der Bund muss die Förderung über 2026 hinaus sichern.\n"
           "- Das Land soll ein Bürgschaftsprogramm auflegen.\n"),
    ("nl", "## Onze eisen\n\n### 2.1 Financiering\n\n"
           "- Het kabinet moet de subsidie na 2026 verlengen.\n"
           "- De provincie moet een garantiefonds oprichten.\n"),
])
def test_a_numbered_topic_over_demands_that_ask_on_their_own_is_none(code, text):
    found = demands(text, code, "markdown")
    assert len(found) == 2 and all(d.addressees for d in found)


def test_a_numbered_topic_over_points_that_oblige_with_a_modal_is_none():
    text = ("## Unsere Forderungen an das Land\n\n### 2. Prävention im Unterricht\n\n"
            "- Psychische Gesundheit soll als Querschnittsthema verankert werden.\n"
            "- Jede Schule soll ein niedrigschwelliges, anonymes Beratungsangebot erhalten, "
            "etwa über einen Chat.\n")
    found = demands(text, "de", "markdown")
    assert [d.number for d in found] == [None, None]
    # what a school is to receive is not what it is to do
    assert all(d.addressees == ["Land"] for d in found)


def test_the_object_of_a_verb_whose_subject_the_parse_found_is_not_asked():
    # whatever noun the subject is, the object the verb acts on is not the one obliged
    found = demands("Der Landesbetrieb muss die Kommunen stärken.", "de")
    assert found and "Kommunen" not in found[0].addressees


@pytest.mark.parametrize(("text", "addressee"), [
    ("Das Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA) soll Anträge schneller "
     "bescheiden.", "Bundesamt für Wirtschaft und Ausfuhrkontrolle"),
    ("Das Landesamt für Geologie, Rohstoffe und Bergbau (LGRB) soll die Daten "
     "bereitstellen.", "Landesamt für Geologie, Rohstoffe und Bergbau"),
    ("Wir fordern die Kreditanstalt für Wiederaufbau (KfW) auf, die Mittel aufzustocken.",
     "Kreditanstalt für Wiederaufbau"),
    ("Der Landesgesetzgeber muss die Abstandsregeln klarstellen.", "Landesgesetzgeber"),
])
def test_a_name_with_the_short_name_it_defines(text, addressee):
    assert [d.addressees for d in demands(text, "de")] == [[addressee]]


@pytest.mark.parametrize(("text", "addressee"), [
    # an institution's name goes on with the portfolio it holds, series and all
    ("Wir fordern das Staatsministerium für Wirtschaft, Landesentwicklung und Energie auf, "
     "die Förderung zu sichern.", "Staatsministerium für Wirtschaft, Landesentwicklung und "
                                  "Energie"),
    ("Das Ministerium für Schule und Bildung muss dafür die Mittel bereitstellen.",
     "Ministerium für Schule und Bildung"),
    ("Die Regierung, insbesondere der Bundesminister für Soziales, Gesundheit, Pflege und "
     "Konsumentenschutz, wird aufgefordert, einen Entwurf vorzulegen.",
     "Bundesminister für Soziales, Gesundheit, Pflege und Konsumentenschutz"),
    # ... but a portfolio the parse hangs on the first of two actors is not its own
    ("Die Universitäten und die Zentren für schulpraktische Lehrerausbildung müssen das "
     "Angebot ausbauen.", "Universitäten"),
    # ... and no actor takes the ones it is to act for, nor what it is to pay for
    ("Wir fordern vom Bund für Kommunen eine dauerhafte Lösung.", "Bund"),
    ("Der Bund muss für die Kosten der Sanierung aufkommen.", "Bund"),
])
def test_a_german_name_with_its_portfolio(text, addressee):
    assert addressee in [name for d in demands(text, "de") for name in d.addressees]
    assert all("Kommunen" not in name and "Kosten" not in name and " und die " not in name
               for d in demands(text, "de") for name in d.addressees)


@pytest.mark.parametrize(("code", "text", "addressees"), [
    # the second of two coordinated actors shares the first one's article
    ("de", "Wir fordern die Landkreise und kreisfreien Städte auf, die Zahlen zu "
           "veröffentlichen.", ["Landkreise", "kreisfreien Städte"]),
    ("en", "We call on the councils and local health boards to publish the figures.",
     ["councils", "local health boards"]),
    # a phrase between commas after the subject
    ("en", "Water companies, for their part, must stop paying out dividends.",
     ["Water companies"]),
    ("de", "Die Länder, so der Verband, müssen die Mittel für die Kitas erhöhen.", ["Länder"]),
    ("nl", "De provincie, aldus de bond, moet de subsidie voor de buslijnen verhogen.",
     ["provincie"]),
    # all or each of them
    ("en", "This Council calls on all of the borough's Members of Parliament to support the "
           "requests.", ["Members of Parliament"]),
    ("en", "We urge each of the county councils to publish a plan.", ["county councils"]),
    # the body that resolves to call on another is no one asked
    ("en", "BE IT FURTHER RESOLVED that the City Council calls upon the State Legislature to "
           "enact the bill.", ["State Legislature"]),
])
def test_who_is_asked_across_what_stands_between(code, text, addressees):
    assert [d.addressees for d in demands(text, code)] == [addressees]


def test_what_would_be_without_something_asks_nothing():
    text = ("Ohne die Tagespflege wäre der Rechtsanspruch in vielen Landkreisen nicht zu "
            "erfüllen. Hier wäre zu prüfen, ob die Mittel reichen.")
    assert [d.text for d in demands(text, "de")] == ["Hier wäre zu prüfen, ob die Mittel "
                                                    "reichen."]


def test_a_heading_names_both_coordinated_actors_it_expects_of():
    text = ("## Was wir von den Landkreisen und kreisfreien Städten erwarten\n\n"
            "- Laufende Geldleistungen pünktlich auszahlen\n"
            "- Vertretungsmodelle bei Krankheit aufbauen\n")
    found = demands(text, "de", "markdown")
    assert [d.addressees for d in found] == [["Landkreise", "kreisfreien Städte"]] * 2


@pytest.mark.parametrize(("code", "text", "addressees"), [
    ("nl", "Wij willen:\n\n- dat de wet op de huurcontracten strikt wordt gehandhaafd;\n"
           "- dat gemeenten meer woningen bouwen.\n", [[], ["gemeenten"]]),
    ("de", "Wir wollen:\n\n- dass das Gesetz über den Mindestlohn geändert wird;\n"
           "- dass die Kommunen die Kitas ausbauen.\n", [[], ["Kommunen"]]),
    ("en", "We want:\n\n- that the law on tenancies is strictly enforced;\n"
           "- that councils build more homes.\n", [[], ["councils"]]),
    # the one who is to receive is not the one asked to give
    ("nl", "Wij willen:\n\n- dat woningcorporaties meer ruimte krijgen om te investeren;\n"
           "- dat gemeenten meer woningen bouwen.\n", [[], ["gemeenten"]]),
    ("de", "Wir wollen:\n\n- dass die Kommunen mehr Geld erhalten;\n"
           "- dass die Kommunen die Kitas ausbauen.\n", [[], ["Kommunen"]]),
    # the one urged to see to it that another acts
    ("nl", "De woonraad dringt erop aan dat de woonmaatschappij elk leegstaand huis binnen "
           "een jaar verhuurt.", [["woonmaatschappij"]]),
])
def test_what_the_authors_want_announces_its_list(code, text, addressees):
    # and the subject of a passive in a point is acted on, not asked, nor is the one who
    # is to receive; the one urged to see to it is
    assert [d.addressees for d in demands(text, code)] == addressees


@pytest.mark.parametrize(("text", "addressees"), [
    # the authors' formal request, and what a body holds necessary
    ("Antrag 1: Wir beantragen, den Bundesbeitrag auf 20 Prozent der Kosten festzulegen.",
     []),
    ("Der Bundesrat hält es für erforderlich, die Länder bei der Planung zu beteiligen.", []),
    ("Der Bundesrat hält es ferner für geboten, dass die Bundesregierung die Mittel erhöht.",
     ["Bundesregierung"]),
    ("Die Fraktion beantragt, dass der Landkreis über den Schulbus neu entscheidet.",
     ["Landkreis"]),
    # the ones it is demanded of, after the speaker and what is demanded
    ("Angesichts der Ausgaben verlangen Städte und Gemeinden mehr Unterstützung von Bund "
     "und Ländern.", ["Bund", "Länder"]),
])
def test_formal_requests_of_motions_and_opinions(text, addressees):
    assert [d.addressees for d in demands(text, "de")] == [addressees]


@pytest.mark.parametrize(("code", "text", "addressees"), [
    ("nl", "Geachte bestuurders van de verzekeraars, geachte minister,\n\nWij vragen u de "
           "tarieven te verhogen.\n", ["bestuurders van de verzekeraars", "minister"]),
    ("de", "Sehr geehrte Frau Ministerin Beispiel, sehr geehrter Herr Staatssekretär Muster,"
           "\n\nwir fordern Sie auf, die Mittel zu erhöhen.\n",
     ["Ministerin Beispiel", "Staatssekretär Muster"]),
    ("en", "Dear Minister, dear Chief Executive,\n\nWe urge you to fund the service.\n",
     ["Minister", "Chief Executive"]),
])
def test_a_salutation_greets_each_recipient_it_names(code, text, addressees):
    assert [d.addressees for d in demands(text, code)] == [addressees]


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Es kann nicht sein, dass Kinder aus den Ortsteilen täglich zwei Stunden im Bus "
           "sitzen."),
    ("nl", "Het kan niet zo zijn dat kinderen elke dag twee uur in de bus zitten."),
    ("nl", "Het kan niet dat ouders het vervoer zelf moeten betalen."),
])
def test_what_must_not_go_on_is_a_demand(code, text):
    assert [d.text for d in demands(text, code)] == [text]


def test_the_petition_handed_over_is_no_petition_made():
    text = ("We the undersigned petition the Council to reopen the library.\n\n"
            "We will hand this petition to the Council at its meeting on 12 September.\n")
    assert [d.addressees for d in demands(text, "en")] == [["Council"]]


@pytest.mark.parametrize(("code", "text", "addressees"), [
    # the part an actor acts in names no one else
    ("de", "Der Bürgermeister als Straßenpolizeibehörde wird ersucht, die Schulstraßen zu "
           "verordnen.", ["Bürgermeister"]),
    ("de", "Die Kommunen als Schulträger müssen die Räume bereitstellen.", ["Kommunen"]),
    ("de", "Auch die Landkreise als Schulträger sollen die Toiletten sanieren.",
     ["Landkreise"]),
    ("nl", "De gemeente als werkgever moet het goede voorbeeld geven.", ["gemeente"]),
    # a unit of an administration takes its name
    ("de", "Die Abteilung Mobilitätsplanung wird beauftragt, eine Liste vorzulegen.",
     ["Abteilung Mobilitätsplanung"]),
    ("nl", "Wij vragen de dienst Groenbeheer om de bomen te sparen.", ["dienst Groenbeheer"]),
    ("nl", "De afdeling Stadsontwikkeling wordt verzocht een plan te maken.",
     ["afdeling Stadsontwikkeling"]),
    ("nl", "Het district Borgerhout moet de straat afsluiten.", ["district Borgerhout"]),
])
def test_the_part_an_actor_acts_in(code, text, addressees):
    assert [d.addressees for d in demands(text, code)] == [addressees]


@pytest.mark.parametrize(("code", "text", "addressees"), [
    # a named party's present expectation that another acts, as press releases report
    # their own body's
    ("de", "Die Kammer erwartet, dass die Stadtkämmerei die Studie noch vor Jahresende "
           "veröffentlicht.", ["Stadtkämmerei"]),
    ("nl", "De bond verwacht dat de schoolkoepel de besparingen terugdraait.",
     ["schoolkoepel"]),
    # ... with the one who expects or demands after the verb
    ("de", "Zudem erwarten die Verbände, dass die Kreiskämmerei einen Bericht vorlegt.",
     ["Kreiskämmerei"]),
    ("de", "Außerdem fordern die Eltern, dass die Schulkonferenz den Plan ändert.",
     ["Schulkonferenz"]),
    ("nl", "Daarnaast verwachten de bonden dat de schoolkoepel de besparingen terugdraait.",
     ["schoolkoepel"]),
    ("nl", "Ook eisen de huurders dat de woningstichting de lekkages herstelt.",
     ["woningstichting"]),
    # ... and the one expected of, fronted
    ("nl", "Van de havendirectie verwachten ze dat de kades dit jaar worden vernieuwd.",
     ["havendirectie"]),
    # an object without article: a body's name
    ("nl", "De omwonenden vragen Stichting Groenlint om de bomen te sparen.",
     ["Stichting Groenlint"]),
])
def test_expectations_and_objects_without_article(code, text, addressees):
    assert [d.addressees for d in demands(text, code)] == [addressees]


@pytest.mark.parametrize(("code", "text"), [
    # the noun "vragen" with a preposition after it asks no one
    ("nl", "De raadsleden stellen vragen over de begroting om duidelijkheid te krijgen."),
])
def test_questions_asked_are_no_demand(code, text):
    assert demands(text, code) == []


def test_a_phrase_that_qualifies_the_one_who_asks_is_not_asked():
    text = "Een ouder van de wijkraad vraagt het stadsdeel om de straat af te sluiten."
    assert [d.addressees for d in demands(text, "nl")] == [["stadsdeel"]]


def test_what_an_adverb_joins_to_a_demand_goes_on_with_it():
    text = ("Die Kammer fordert die Bezirksregierung auf, die Zahl der Studienplätze zu "
            "erhöhen. Zudem soll die Landarztquote auf zehn Prozent angehoben werden.")
    found = demands(text, "de")
    assert [d.addressees for d in found] == [["Bezirksregierung"], ["Bezirksregierung"]]
    assert found[1].text.startswith("Zudem soll")


def test_a_duty_with_zu_inside_the_verb_is_one():
    text = ("Der Bezirksrat wird beauftragt, ein Konzept vorzulegen.\n\n"
            "Dabei ist sicherzustellen, dass\n"
            "– die Beiträge den Tagesfamilien zugutekommen;\n"
            "– Gemeinden mit tiefer Steuerkraft einen höheren Satz erhalten.\n")
    found = [" ".join(d.text.split()) for d in demands(text, "de")]
    assert "die Beiträge den Tagesfamilien zugutekommen;" in found
    assert "Gemeinden mit tiefer Steuerkraft einen höheren Satz erhalten." in found


@pytest.mark.parametrize("text", [
    # what "Zudem soll" joins to a report may report a plan
    "Der Entwurf der Kommission sieht neue Pflichten für Plattformen vor. Zudem soll die "
    "Kontaktaufnahme mit Kindern erkannt werden.",
    # a purpose or an assumption with "zu" inside the verb
    "Die Vorgabe ist notwendig um die Klimaziele einzuhalten, da der Umbau Zeit braucht.",
    "Bei einem Befall ist immer davon auszugehen, dass die Nachbarn betroffen sind.",
])
def test_what_only_looks_like_a_duty_is_none(text):
    assert demands(text, "de") == []


def test_a_lead_in_its_particle_closes_asks_a_series_of_its_own_and_nothing_else():
    text = ("Wir fordern die Talsperrenleitung Oberes Tal (TOT), die Hafenmeisterei Adorf und "
            "die Fischereigenossenschaften im Umland auf:\n\n"
            "- die Pegel zu senken;\n- die Fischtreppen zu öffnen.\n")
    found = demands(text, "de")
    assert [" ".join(d.text.split()) for d in found] == [
        "die Pegel zu senken;", "die Fischtreppen zu öffnen."]
    assert all(d.addressees == ["Talsperrenleitung Oberes Tal", "Hafenmeisterei Adorf",
                                "Fischereigenossenschaften"] for d in found)


@pytest.mark.parametrize("text", [
    "Von den Landesverbänden der Ersatzkassen erwarten wir, dass sie die Fahrtkosten "
    "übernehmen.",
    "Wir fordern von den Landesverbänden der Ersatzkassen, die Fahrtkosten zu übernehmen.",
])
def test_a_head_before_its_genitive_is_named_without_its_case_ending(text):
    assert [d.addressees for d in demands(text, "de")] == [["Landesverbände der Ersatzkassen"]]


@pytest.mark.parametrize(("code", "text", "asked", "addressee"), [
    # written questions: the header says whom they ask; a question of opinion asks
    # nothing, the question whether the reader will act asks it
    ("nl", "Vragen van het lid Jansen (PvdA) aan de gedeputeerde voor Dijkbeheer, Polders en "
           "Gemalen over de sluiting van het gemaal (ingezonden 3 mei 2024).\n\n"
           "1\nDeelt u de mening dat het gemaal open moet blijven?\n\n"
           "2\nBent u bereid het waterschap te vragen het gemaal open te houden?\n",
     "Bent u bereid", "gedeputeerde voor Dijkbeheer, Polders en Gemalen"),
    ("de", "Anfrage der Abgeordneten Maria Beispiel, Kolleginnen und Kollegen an die "
           "Bundesministerin für Almwirtschaft, Bergbahnen und Skigebiete betreffend "
           "Lawinenschutz\n\n"
           "1. Teilen Sie die Auffassung, dass der Lawinenschutz verbessert werden muss?\n\n"
           "2. Sind Sie bereit, die Mittel für die Lawinenverbauung zu verdoppeln?\n",
     "Sind Sie bereit", "Bundesministerin für Almwirtschaft, Bergbahnen und Skigebiete"),
    ("en", "Dear Chief Harbourmaster Okoro,\n\nThe slipway has been closed since March. "
           "Do you share our concern about the fishing fleet?\n\n"
           "Are you prepared to reopen the slipway before the summer?\n\n"
           "Yours sincerely,\nJane Doe\n",
     "Are you prepared", "Chief Harbourmaster Okoro"),
])
def test_the_question_whether_the_reader_will_act_asks_it(code, text, asked, addressee):
    found = demands(text, code)
    assert [d.text.startswith(asked) for d in found] == [True]
    assert found[0].addressees == [addressee]


@pytest.mark.parametrize(("code", "text", "left_out"), [
    # what the authors asked the reader before, in the letter that asks again
    ("nl", "Geachte heer Veldkamp,\n\nIn februari van dit jaar hebben wij u per brief gevraagd "
           "om een nieuwe planning. Wij vragen u de renovatie nog dit jaar te starten.\n\n"
           "Met vriendelijke groet,\nHet bestuur\n", "In februari"),
    ("de", "Sehr geehrte Frau Ortsvorsteherin Lange,\n\nIm März haben wir Sie schriftlich "
           "gebeten, den Plan vorzulegen. Wir bitten Sie, den Spielplatz bis Juni zu "
           "sanieren.\n\nMit freundlichen Grüßen\nDer Elternbeirat\n", "Im März"),
])
def test_what_the_authors_asked_the_reader_before_is_no_demand(code, text, left_out):
    found = demands(text, code)
    assert len(found) == 1 and not found[0].text.startswith(left_out)


def test_a_call_reported_in_a_subordinate_past_passive_is_none():
    text = ("Im Jahr 2022 hatte der Elternrat eine Petition übergeben, in der ein "
            "Sofortprogramm für Schultoiletten gefordert wurde.")
    assert demands(text, "de") == []


@pytest.mark.parametrize(("code", "text", "addressees"), [
    # an acronym that closes the phrase names the actor's region
    ("de", "Wir fordern vom Kommunalen Zweckverband NRW (KZV NRW): mehr Personal für die "
           "Kläranlagen.", ["Kommunalen Zweckverband NRW"]),
    # ... one the clause goes on after is an object of its own
    ("nl", "De Kamer verzoekt de regering KWF op geen enkele wijze te subsidiëren.",
     ["regering"]),
    # a short name takes none of the words in lower case that describe it
    ("de", "Die landeseigene WOBEGE soll den Neubau der Schule noch in diesem Jahr beginnen.",
     ["WOBEGE"]),
    ("nl", "De provinciale OVNB moet de dienstregeling herstellen.", ["OVNB"]),
    # a title in the genitive takes its name too
    ("de", "Wir appellieren an die Mitglieder des Kreistags Hinterwald, der Schließung der "
           "Klinik nicht zuzustimmen.", ["Mitglieder des Kreistags Hinterwald"]),
    # where a capitalised word follows the one asked, the parse bounds the name
    ("de", "Der Landtag appelliert an die Genossenschaft Oberland, gemeinsame Anlaufstellen "
           "zu schaffen.", ["Genossenschaft Oberland"]),
    ("en", "That the Council writes to the Minister for Fisheries seeking an increase in the "
           "harbour maintenance grant.", ["Minister for Fisheries"]),
    # a subject the parse heads with its place, the title hung on it
    ("de", "Der Kreis Olpe und die Stadt Attendorn müssen als Träger der Klinik die "
           "Finanzierung sicherstellen.", ["Kreis Olpe", "Stadt Attendorn"]),
])
def test_names_bounded_where_they_end(code, text, addressees):
    assert [d.addressees for d in demands(text, code)] == [addressees]


def test_demands_addressed_with_richten_an_name_the_one_they_go_to():
    text = ("An die Landesanstalt für Wald, Jagd und Fischerei richten wir folgende "
            "Forderungen:\n\n- Die Halden müssen gesichert werden.\n"
            "- Die Messdaten sind jährlich zu veröffentlichen.\n")
    found = demands(text, "de")
    assert [" ".join(d.text.split()) for d in found] == [
        "Die Halden müssen gesichert werden.", "Die Messdaten sind jährlich zu veröffentlichen."]
    assert all(d.addressees == ["Landesanstalt für Wald, Jagd und Fischerei"] for d in found)


def test_a_resolutions_sections_are_its_numbered_points():
    text = ("NOW, THEREFORE, BE IT RESOLVED BY THE CITY COUNCIL AS FOLLOWS:\n\n"
            "Section 1. The City Council urges the Valley Ferry Authority to restore the "
            "evening service.\n\n"
            "Section 2. The City Council asks Pine County to repave Mill Road.\n")
    found = demands(text, "en")
    assert [(d.number, d.addressees) for d in found] == [
        ("1", ["Valley Ferry Authority"]), ("2", ["Pine County"])]


def test_a_stamp_across_every_page_is_no_part_of_the_text_it_breaks():
    # as text extraction puts a margin stamp: mid-page, broken up, no page breaks
    stamp = "E\nntwurf – nicht zur\nVeröffentlichung bestimmt.\n"
    text = ("Antrag der Fraktion\n\nDie Bäder der Stadt sind in einem schlechten Zustand. "
            "Viele\n" + stamp + "Becken sind seit Jahren gesperrt.\n\n"
            "Der Landtag fordert die Landesregierung auf,\n\n"
            "1. die Hallenbäder zu sanieren und\n" + stamp + "die Becken wieder zu öffnen;\n"
            "2. ein Förderprogramm für\n" + stamp + "Schwimmkurse aufzulegen.\n")
    assert [(d.number, " ".join(d.text.split())) for d in demands(text, "de")] == [
        ("1", "die Hallenbäder zu sanieren und die Becken wieder zu öffnen;"),
        ("2", "ein Förderprogramm für Schwimmkurse aufzulegen.")]


def test_footnotes_between_the_lines_of_a_point_are_no_part_of_it():
    text = ("II. Der Landtag fordert die Landesregierung auf,\n"
            "1. die Hallenbäder zu sanieren, da die Zahl der Nichtschwimmer seit\n"
            "3 https://www.example.org/schwimmen/studie-2024\n"
            "4 Statistisches Landesamt, Bäderbericht 2023, S. 12.\n"
            "dem Jahr 2019 gestiegen ist;\n"
            "2. ein Förderprogramm für Schwimmkurse aufzulegen.\n")
    assert [(d.number, " ".join(d.text.split())) for d in demands(text, "de")] == [
        ("1", "die Hallenbäder zu sanieren, da die Zahl der Nichtschwimmer seit dem Jahr "
              "2019 gestiegen ist;"),
        ("2", "ein Förderprogramm für Schwimmkurse aufzulegen.")]


def test_lines_of_text_that_open_on_numbers_are_no_footnotes():
    # numbers one after the other that cite no web address: a sentence wrapped
    text = ("Wir fordern, dass die Stadt bis 2030 mindestens\n2 neue Kitas und\n"
            "3 neue Grundschulen baut.\n")
    assert [" ".join(d.text.split()) for d in demands(text, "de")] == [
        "Wir fordern, dass die Stadt bis 2030 mindestens 2 neue Kitas und 3 neue "
        "Grundschulen baut."]


def test_a_numbered_question_asks_the_reader_whom_else_it_names():
    text = ("Vragen van het lid Jansen (PvdA) aan de gedeputeerde voor Dijkbeheer over de "
            "sluiting van het gemaal (ingezonden 3 mei 2024).\n\n"
            "Vraag 1\nKent u het bericht over de sluiting van het gemaal?\n\n"
            "Vraag 2\nBent u bereid de Stichting Gemaalbeheer Oost te vragen het gemaal open "
            "te houden?\n")
    found = demands(text, "nl")
    assert [(d.number, d.addressees[:1]) for d in found] == [
        ("2", ["gedeputeerde voor Dijkbeheer"])]


def test_a_list_whose_markers_extraction_lost_is_one_by_its_hanging_lines():
    text = ("Unsere Forderungen an den Zweckverband Nahverkehr Oberland:\n\n"
            "Erhöhung der Tabellenentgelte um 12 Prozent, mindestens jedoch um 450 Euro\n"
            "  monatlich, bei einer Laufzeit von 12 Monaten\n"
            "Anhebung der Ausbildungsvergütungen um 200 Euro monatlich\n"
            "Verkürzung der wöchentlichen Arbeitszeit von 39 auf 37 Stunden bei vollem\n"
            "  Lohnausgleich\n")
    assert [" ".join(d.text.split()) for d in demands(text, "de")] == [
        "Erhöhung der Tabellenentgelte um 12 Prozent, mindestens jedoch um 450 Euro "
        "monatlich, bei einer Laufzeit von 12 Monaten",
        "Anhebung der Ausbildungsvergütungen um 200 Euro monatlich",
        "Verkürzung der wöchentlichen Arbeitszeit von 39 auf 37 Stunden bei vollem "
        "Lohnausgleich"]


def test_a_page_header_that_counts_the_pages_does_not_break_a_list():
    text = ("Der Stadtrat wird gebeten, folgende Massnahmen zu prüfen:\n\n"
            "–  die Beschattung aller Unterrichtsräume;\n"
            "–  die Begrünung der Pausenplätze;\n\n\n"
            "                                   Seite 1/2\n"
            "GR Nr. 2024/231                    Seite 2/2\n\n\n"
            "–  eine Regelung für den Stundenplan an Hitzetagen;\n"
            "–  die Messung der Raumtemperaturen.\n")
    found = demands(text, "de")
    assert [" ".join(d.text.split()) for d in found][-2:] == [
        "eine Regelung für den Stundenplan an Hitzetagen;", "die Messung der Raumtemperaturen."]
    assert all(d.addressees == ["Stadtrat"] for d in found)


@pytest.mark.parametrize(("code", "text", "addressees"), [
    # a plural subject after the verb, an adverb first
    ("nl", "Daarnaast vragen de gemeenten het OV-bureau Zuiderkwartier om de lijnen te laten "
           "rijden.", ["OV-bureau Zuiderkwartier"]),
    # the one singled out after the one asked
    ("nl", "De gemeenteraad vraagt de Vlaamse Regering, en in het bijzonder de Vlaamse minister "
           "van Havens en Dokken:\n\n1° bijkomende middelen vrij te maken;\n",
     ["Vlaamse Regering", "Vlaamse minister van Havens en Dokken"]),
])
def test_more_ways_to_name_who_is_asked(code, text, addressees):
    assert [d.addressees for d in demands(text, code)] == [addressees]


@pytest.mark.parametrize(("code", "text"), [
    # the authors' report of what they asked already
    ("de", "Bereits im Januar haben wir in einer Petition gefordert, die Geburtshilfe im "
           "Landkreis zu erhalten."),
    ("nl", "Al in maart hebben wij in een petitie gevraagd om de zwemlessen te behouden."),
    # a call dated by its month and year
    ("en", "In February 2023 this Council called on the Government to provide additional "
           "funding."),
])
def test_calls_made_before_are_no_demand(code, text):
    assert demands(text, code) == []


def test_a_place_the_short_name_repeats_is_part_of_the_name():
    text = ("Unsere Forderungen an den Kommunalen Zweckverband Oberpfalz (KZV Oberpfalz):\n\n"
            "- mehr Personal in den Kläranlagen\n- längere Öffnungszeiten der Wertstoffhöfe\n")
    assert [d.addressees for d in demands(text, "de")] == [
        ["Kommunalen Zweckverband Oberpfalz"]] * 2
