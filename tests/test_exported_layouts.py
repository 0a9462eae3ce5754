"""Layouts that Markdown exports and PDF text leave, and the names and calls of letters,
pay claims and motions written in them: underlined titles, pipe tables, emphasis, soft
line breaks, subheads and paragraphs without blank lines, an operative formula set in
bold, and adjectives cited in the nominative. The texts are written for the tests, not
taken from the corpus."""

from __future__ import annotations

import textwrap

import pytest

from conftest import demands_in, texts_and_addressees, unit_texts

# --- names cited as names are ------------------------------------------------------

@pytest.mark.parametrize(("text", "addressees"), [
    # an adjective in the dative takes the ending of the nominative without article
    ("Wir fordern von der Sächsischen Bäckerinnung eine Erhöhung der Löhne.",
     ["Sächsische Bäckerinnung"]),
    ("Die kreisfreien Städte müssen mehr Personal für die Schulsozialarbeit einstellen.",
     ["kreisfreie Städte"]),
    # ... and the weak ending after the article in the nominative
    ("Der Hessische Rundfunkrat muss die Gebühren senken.", ["Hessischer Rundfunkrat"]),
    # a genitive after a title belongs to another phrase and stays as written
    ("Wir fordern den Vorstand der Kassenärztlichen Vereinigung auf, die Praxen zu "
     "stärken.", ["Vorstand der Kassenärztlichen Vereinigung"]),
])
def test_adjectives_before_a_name_are_cited_in_the_nominative(text, addressees):
    assert [d.addressees for d in demands_in(text, "de")] == [addressees]


def test_a_gender_that_only_the_tagger_gives_is_not_followed():
    # "vom" is masculine or neuter: the tagger's guess for a rare compound decides nothing
    found = demands_in("Wir fordern vom Kommunalen Zweckverband Allgäu mehr Personal.", "de")
    assert found and not any(name.startswith("Kommunales") for name in found[0].addressees)


def test_a_tagger_that_disagrees_with_the_article_is_not_followed():
    # "Die ... Aufgabenträger" is a plural, whatever the tagger says of the adjective
    found = demands_in("Die kommunalen Aufgabenträger müssen die Mehrkosten in den "
                       "Verkehrsverträgen vollständig anerkennen.", "de")
    assert found and "kommunaler Aufgabenträger" not in found[0].addressees


@pytest.mark.parametrize(("text", "addressees"), [
    ("Auch die kirchlichen Kitaträger fordern wir auf, frei werdende Stellen sofort zu "
     "besetzen.", ["kirchliche Kitaträger"]),
    ("Die Bezirksregierung bitten wir, die Förderbescheide noch im Mai zu versenden.",
     ["Bezirksregierung"]),
])
def test_an_object_set_before_the_verb_beside_the_authors_pronoun_is_asked(text, addressees):
    assert [d.addressees for d in demands_in(text, "de")] == [addressees]


def test_one_who_gets_a_copy_is_not_the_one_asked():
    text = ("Sehr geehrte Frau Senatorin,\n\n"
            "bitte legen Sie noch in diesem Jahr einen Stufenplan für die Horte vor.\n\n"
            "Dieser Brief geht in Kopie an die Mitglieder des Ausschusses für Jugend.\n\n"
            "Mit freundlichen Grüßen\n\nLandeselternausschuss\n")
    assert [d.addressees for d in demands_in(text, "de")] == [["Senatorin"]]


def test_a_mandate_that_goes_on_asks_whom_it_asked():
    text = ("KR-Nr. 12/2026\n\n"
            "POSTULAT von Anna Muster (SP) und Beat Beispiel (GLP)\n\n"
            "betreffend Finanzierung der Horte\n\n"
            "Der Bezirksrat wird beauftragt, dem Kantonsrat eine Vorlage vorzulegen, mit "
            "welcher sich der Kanton an den Kosten der Horte beteiligt.\n\n"
            "Dabei ist insbesondere sicherzustellen, dass\n"
            "– die Elternbeiträge sinken;\n"
            "– Gemeinden mit wenig Steuerkraft mehr erhalten.\n")
    found = demands_in(text, "de")
    assert [d.addressees for d in found] == [["Bezirksrat"]] * 3


# --- what is a demand, and what a report ------------------------------------------

@pytest.mark.parametrize(("code", "text"), [
    ("de", "Im Frühjahr forderten wir die Landesregierung auf, die Horte zu stärken."),
    ("nl", "Na de betogingen vroegen we de Vlaamse Regering een noodplan."),
    ("en", "In our letter of 3 October we asked the haulier to open talks before Christmas."),
])
def test_the_authors_own_call_in_the_simple_past_is_a_report(code, text):
    assert demands_in(text, code) == []


def test_a_pay_claim_is_a_list_of_demands_on_whom_it_is_submitted_to():
    text = ("The union hereby submits the following claim to Northgate Freight Ltd on "
            "behalf of all drivers:\n\n"
            "1. Basic pay: an increase of 6 per cent on all basic rates.\n"
            "2. Sick pay: the extension of the sick pay scheme to 13 weeks.\n")
    assert [d.addressees for d in demands_in(text, "en")] == [["Northgate Freight Ltd"]] * 2


def test_the_motions_call_ends_its_considerations():
    # text from a PDF: no blank lines, the considerations a part of their own
    text = ("Motie: Behoud van de buurtbus\n\n"
            "Provinciale Staten van Drenthe, in vergadering bijeen,\n"
            "overwegende dat\n"
            "• ouderen afhankelijk zijn van het openbaar vervoer;\n"
            "• de provincie verantwoordelijk is voor de bereikbaarheid;\n"
            "verzoeken Gedeputeerde Staten\n"
            "a) de subsidie aan de buurtbusverenigingen te verhogen;\n"
            "b) de raad voor de zomer te informeren;\n"
            "en gaan over tot de orde van de dag.\n")
    assert texts_and_addressees(text, "nl") == [
        ("de subsidie aan de buurtbusverenigingen te verhogen;", ["Gedeputeerde Staten"]),
        ("de raad voor de zomer te informeren;", ["Gedeputeerde Staten"])]


def test_a_call_someone_else_makes_does_not_end_the_findings():
    text = ("Der Bundestag wolle beschließen:\n\n"
            "I. Der Deutsche Bundestag stellt fest:\n"
            "Die Lage der Tafeln ist ernst.\n"
            "Der Sozialverband fordert seit Jahren eine bessere Förderung.\n"
            "Die Zahl der Kundinnen und Kunden steigt.\n"
            "II. Der Deutsche Bundestag fordert die Bundesregierung auf,\n"
            "1. die Tafeln dauerhaft zu fördern;\n"
            "2. die Lebensmittelspenden steuerlich zu begünstigen.\n")
    found = unit_texts(text, "de")
    assert "die Tafeln dauerhaft zu fördern;" in found
    assert not any("Sozialverband" in t or "Kundinnen" in t for t in found)


def test_a_motions_next_clause_is_no_part_of_the_point_before_it():
    # wrapped at the page's width: the point's last line runs to the margin
    text = ("Het algemeen bestuur van het waterschap Rijn en Lek, in vergadering bijeen op\n"
            "26 september 2024, gehoord de beraadslaging,\n"
            "draagt het dagelijks bestuur op\n"
            "– vóór 1 januari 2025 een inventarisatie te maken van alle bedrijven in het\n"
            "beheergebied die zouten op het riool lozen, met de hoeveelheden per bedrijf;\n"
            "– het algemeen bestuur halfjaarlijks te informeren over de meetresultaten per\n"
            "zuivering en over de gesprekken met de provincie en de betrokken gemeenten;\n"
            "verzoekt de dijkgraaf\n"
            "om in het Bestuurlijk Overleg Water bij de minister te pleiten voor een\n"
            "landelijk verbod op deze lozingen;\n"
            "en gaat over tot de orde van de dag.\n")
    found = demands_in(text, "nl")
    assert [d.addressees for d in found] == [["dagelijks bestuur"]] * 2 + [["dijkgraaf"]]


# --- text taken from PDFs -----------------------------------------------------------

def test_subheads_without_blank_lines_group_the_points_under_them():
    text = ("Wir richten folgende Forderungen an den Verband der Bäckereien Nordost. Wir "
            "fordern:\n"
            "Entgelt\n"
            "(1) eine Erhöhung der Entgelte um 300 Euro monatlich;\n"
            "(2) eine Anhebung der Ausbildungsvergütungen um 150 Euro;\n"
            "Arbeitszeit\n"
            "(3) eine Begrenzung der Nachtschichten auf zwei pro Woche;\n"
            "(4) zwei zusätzliche freie Tage pro Jahr.\n")
    assert unit_texts(text, "de") == [
        "eine Erhöhung der Entgelte um 300 Euro monatlich;",
        "eine Anhebung der Ausbildungsvergütungen um 150 Euro;",
        "eine Begrenzung der Nachtschichten auf zwei pro Woche;",
        "zwei zusätzliche freie Tage pro Jahr."]


def _as_pdf_text(*paragraphs: str) -> str:
    """Paragraphs as text taken from a PDF gives them: wrapped at the page's width, no
    blank line between them."""
    return "\n".join(textwrap.fill(paragraph, _PAGE_WIDTH) for paragraph in paragraphs) + "\n"


_PAGE_WIDTH = 78


def test_the_period_of_the_last_point_closes_a_list_of_semicolons():
    text = _as_pdf_text(
        "Wir fordern vom Verband der Bäckereien Nordost in der Tarifrunde 2025 die folgenden "
        "Verbesserungen für alle Beschäftigten:",
        "(1) eine Erhöhung der Entgelte um 300 Euro monatlich bei einer Laufzeit von zwölf "
        "Monaten;",
        "(2) zwei zusätzliche freie Tage pro Jahr für alle Beschäftigten in den Filialen "
        "und in der Produktion ab dem vollendeten 55. Lebensjahr.",
        "Darüber hinaus verlangt die Gewerkschaft von der Landesregierung, die Berufsschulen "
        "im ländlichen Raum zu stärken und die Fahrtkosten der Auszubildenden zu übernehmen.")
    assert unit_texts(text, "de")[1:] == [
        "zwei zusätzliche freie Tage pro Jahr für alle Beschäftigten in den Filialen und in "
        "der Produktion ab dem vollendeten 55. Lebensjahr.",
        "Darüber hinaus verlangt die Gewerkschaft von der Landesregierung, die Berufsschulen "
        "im ländlichen Raum zu stärken und die Fahrtkosten der Auszubildenden zu übernehmen."]


def test_a_point_with_a_point_after_it_keeps_its_sentences():
    text = _as_pdf_text(
        "Der Deutsche Bundestag fordert die Bundesregierung auf, die Bekämpfung von Wald- "
        "und Vegetationsbränden zu stärken und dabei die Länder und Kommunen zu entlasten, "
        "und insbesondere",
        "1. ein personelles und materielles Konzept zur Bekämpfung von Wald- und "
        "Vegetationsbränden vorzulegen;") + (
        "2. eine Übergangslösung zu schaffen, um die derzeitigen Defizite auszugleichen.\n"
        "Als Übergangslösung sollte beispielsweise die Umrüstung von alten Agrarflugzeugen\n"
        "geprüft werden, um sie künftig für Löschflüge einzusetzen;\n"
        "3. die Kosten der Einsätze der Feuerwehren aus Bundesmitteln zu tragen.\n")
    assert unit_texts(text, "de")[1] == (
        "eine Übergangslösung zu schaffen, um die derzeitigen Defizite auszugleichen. Als "
        "Übergangslösung sollte beispielsweise die Umrüstung von alten Agrarflugzeugen "
        "geprüft werden, um sie künftig für Löschflüge einzusetzen;")


def test_the_paragraph_after_a_tight_list_is_not_its_last_point():
    text = ("Dear Ms Byrne,\n"
            "I am writing on behalf of the members employed at the Galway depot.\n"
            "The union hereby submits the following claim to Corrib Haulage Ltd:\n"
            "1. Basic pay: an increase of 6 per cent on all basic rates.\n"
            "2. Pension: an increase in the employer's contribution to 7 per cent.\n"
            "We look forward to hearing from you.\n"
            "Yours sincerely,\n\nPadraig Walsh\n")
    assert unit_texts(text, "en") == [
        "Basic pay: an increase of 6 per cent on all basic rates.",
        "Pension: an increase in the employer's contribution to 7 per cent."]


def test_numbered_parts_beside_the_part_of_demands_are_none():
    text = ("Gute Arbeit im Bäckerhandwerk – unsere Forderungen zur Tarifrunde\n\n"
            "1. Ausgangslage\n\n"
            "Rund 4.000 Beschäftigte arbeiten in den Bäckereien der Region.\n\n"
            "2. Unsere Forderungen\n\n"
            "- eine Erhöhung der Entgelte um 300 Euro monatlich\n"
            "- zwei zusätzliche freie Tage pro Jahr\n\n"
            "3. Wie es weitergeht\n\n"
            "Die erste Verhandlungsrunde findet im Januar statt.\n")
    assert unit_texts(text, "de") == ["eine Erhöhung der Entgelte um 300 Euro monatlich",
                                 "zwei zusätzliche freie Tage pro Jahr"]


# --- Markdown -----------------------------------------------------------------------

def test_an_operative_formula_set_in_bold_ends_the_reasons_before_it():
    text = ("# Entschließungsantrag\n\n"
            "### Begründung\n\n"
            "In den Landeskliniken mussten im Herbst 200 Betten gesperrt werden.\n\n"
            "**Der Landtag wolle beschließen:**\n\n"
            "Die Landesregierung wird aufgefordert,\n\n"
            "1. das Ausbildungsgeld auf 1.000 Euro anzuheben,\n"
            "2. eine Anlaufstelle für ausländische Pflegediplome einzurichten.\n")
    assert [d.addressees for d in demands_in(text, "de", "markdown")] == [["Landesregierung"]] * 2


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_an_underlined_title_heads_its_part(fmt):
    text = ("Amendement A3\n=============\n\n"
            "### Toelichting\n\n"
            "De klimaatbuffer staat gepland voor 2027.\n\n"
            "Motie M7 – Droogte aanpakken\n----------------------------\n\n"
            "Het algemeen bestuur, in vergadering bijeen,\n\n"
            "verzoekt het dagelijks bestuur om\n\n"
            "a. een gebiedsplan op te stellen voor het vasthouden van water;\n"
            "b. de subsidieregeling te verlengen tot en met 2027;\n")
    assert [d.addressees for d in demands_in(text, "nl", fmt)] == [["dagelijks bestuur"]] * 2


def test_a_row_of_dashes_much_longer_than_the_line_above_is_a_rule_in_plain_text():
    from demandx.lines import split_lines
    from demandx.loaders import load_bytes

    text = "Berlin, den 3. Mai 2025\n" + "-" * 70 + "\nMit freundlichen Grüßen\n"
    lines = split_lines(load_bytes(text.encode(), "<test>", "text"))
    assert [line.heading_level for line in lines[:1]] == [0] and lines[1].rule


@pytest.mark.parametrize(("code", "text", "first"), [
    ("nl", "Onze eisen:\n\n| Nr. | Wat we vragen | Aan wie |\n|:---:|---|---|\n"
           "| 1 | Verlaag de kindratio naar 1 op 7. | Vlaamse Regering |\n"
           "| 2 | Zet een duaal traject op. | VDAB |\n",
     ("1", "Verlaag de kindratio naar 1 op 7.", ["Vlaamse Regering"])),
    ("de", "Unsere Forderungen:\n\n| Forderung | Adressat |\n|---|---|\n"
           "| Mehr Personal in den Bürgerämtern | Bezirksamt Mitte |\n"
           "| Längere Öffnungszeiten | Senatsverwaltung |\n",
     (None, "Mehr Personal in den Bürgerämtern", ["Bezirksamt Mitte"])),
])
def test_a_pipe_tables_rows_are_points(code, text, first):
    found = demands_in(text, code, "markdown")
    assert len(found) == 2
    number, body, addressees = first
    assert (found[0].number, found[0].text.split("\n")[0], found[0].addressees) == (
        number, body, addressees)


def test_emphasis_is_no_part_of_the_text():
    found = demands_in("Wir fordern:\n\n- die Regel *Wasser halten* für alle Lehrer*innen "
                       "zu _stärken_\n", "de", "markdown")
    assert found[0].text == "die Regel Wasser halten für alle Lehrer*innen zu stärken"


def test_a_markdown_paragraphs_lines_are_one_paragraph_whatever_they_open_with():
    text = ("Since 2019 a third of the bus routes have been cut or reduced, and many\n"
            "towns now have no service on Sundays. According to a Freedom of Information\n"
            "request, passenger numbers rose by 11% last year.\n\n"
            "## What we're asking Westshire Council to do\n\n"
            "1. Restore evening services on the 553 route.\n"
            "2. Publish passenger data every quarter.\n")
    assert texts_and_addressees(text, "en", "markdown") == [
        ("Restore evening services on the 553 route.", ["Westshire Council"]),
        ("Publish passenger data every quarter.", ["Westshire Council"])]


# --- what a demand asks, read further -----------------------------------------------

def test_a_paragraph_that_details_the_demand_before_it_leads_its_points():
    text = ("Der Stadtrat wird beauftragt, dem Gemeinderat eine Vorlage zur Sicherung der "
            "hausärztlichen Versorgung vorzulegen.\n\n"
            "Die Vorlage soll insbesondere folgende Elemente enthalten:\n\n"
            "1. ein Programm für Praxisassistenzstellen;\n"
            "2. Anschubbeiträge für regionale Gesundheitszentren.\n")
    assert [d.addressees for d in demands_in(text, "de")] == [["Stadtrat"]] * 3


def test_a_paragraph_that_goes_on_from_a_list_of_demands_is_one():
    text = ("Der Stadtrat wird aufgefordert:\n\n"
            "1. ein Programm für Praxisassistenzstellen aufzulegen;\n"
            "2. Anschubbeiträge für regionale Gesundheitszentren zu zahlen.\n\n"
            "Zudem soll der Stadtrat prüfen, ob ein Schwerpunkt Hausarztmedizin "
            "eingerichtet werden kann.\n")
    assert unit_texts(text, "de")[-1].startswith("Zudem soll der Stadtrat prüfen")


def test_a_request_in_the_readers_mood_asks_the_reader_not_the_one_a_modal_obliges():
    text = ("Sehr geehrte Frau Senatorin,\n\n"
            "sorgen Sie dafür, dass Schulen ohne eigenes Bad nicht auf den "
            "Schwimmunterricht verzichten müssen.\n\n"
            "Mit freundlichen Grüßen\n\nLandeselternausschuss\n")
    assert [d.addressees for d in demands_in(text, "de")] == [["Senatorin"]]


def test_whom_a_demand_allows_to_act_is_not_asked():
    found = demands_in("Die Gewerkschaft fordert, dass Beschäftigte ab dem 58. Lebensjahr ihre "
                       "Arbeitszeit verkürzen können.", "de")
    assert found and "Beschäftigte" not in found[0].addressees


def test_what_someone_wants_reported_with_a_modal_is_a_demand():
    text = ("Die Ausbildungsvergütungen sollen nach dem Willen der Gewerkschaft in allen "
            "Lehrjahren um 150 Euro steigen.")
    assert len(demands_in(text, "de")) == 1


@pytest.mark.parametrize(("code", "text", "name"), [
    ("de", "Die Eisenbahn-Infrastruktur AG wird aufgefordert, die Unterführung zu sanieren.",
     "Eisenbahn-Infrastruktur AG"),
    ("en", "We call on Westcountry Water plc to stop the discharges into the estuary.",
     "Westcountry Water plc"),
    ("nl", "Wij vragen Netbeheer Zuidwest B.V. om de aansluitingen te versnellen.",
     "Netbeheer Zuidwest B.V."),
])
def test_a_legal_form_closes_a_companys_name(code, text, name):
    assert [d.addressees for d in demands_in(text, code)] == [[name]]


def test_an_operative_formula_set_as_a_heading_is_no_demand():
    text = ("# Antrag: Kostenfreies Mittagessen\n\n"
            "Die Bürgerschaft möge beschließen:\n"
            "----------------------------------\n\n"
            "Der Senat wird ersucht,\n\n"
            "1. das Mittagessen an allen staatlichen Schulen beitragsfrei anzubieten;\n"
            "2. der Bürgerschaft bis zum 30. Juni 2025 zu berichten.\n")
    found = demands_in(text, "de", "markdown")
    assert [d.addressees for d in found] == [["Senat"]] * 2


def test_a_motions_next_clause_after_its_points_is_none_of_them():
    text = ("De raad van de gemeente Amersfoort, in vergadering bijeen,\n\n"
            "verzoekt het college:\n\n"
            "1. het bereik van de vroegsignalering te verhogen naar 50 procent;\n"
            "2. de raad voor de begrotingsbehandeling te informeren;\n"
            "roept de woningcorporaties op\n"
            "om bij een huurachterstand altijd een signaal door te geven aan het Geldloket;\n"
            "en gaat over tot de orde van de dag.\n")
    assert [d.addressees for d in demands_in(text, "nl")] == [["college"]] * 2 + [
        ["woningcorporaties"]]
