import pytest
from django.urls import reverse

from mosty.knowledge import services
from mosty.knowledge.models import GlossaryTerm, GoodPractice, Publication

pytestmark = pytest.mark.django_db


def test_glossary_is_a_to_z_in_the_current_language(client, items):
    page = client.get(reverse("knowledge:glossary")).content.decode()
    assert "partnerstwo" in page
    assert "(partnership)" in page
    client.cookies["django_language"] = "en"
    page = client.get(reverse("knowledge:glossary")).content.decode()
    assert "A lasting cooperation." in page


def test_practice_filters(client, items):
    url = reverse("knowledge:practices")
    page = client.get(url, {"sector": "ngo", "other_sector": "jst"}).content.decode()
    assert "Warsztaty partnerskie w Rydułtowach" in page
    page = client.get(url, {"sector": "business"}).content.decode()
    assert "Warsztaty partnerskie w Rydułtowach" not in page
    assert "Warsztaty partnerskie" in client.get(url, {"voivodeship": "24"}).content.decode()
    assert "Warsztaty partnerskie" not in client.get(url, {"voivodeship": "30"}).content.decode()
    assert "Warsztaty partnerskie" in client.get(url, {"tag": "warsztaty"}).content.decode()
    assert "Warsztaty partnerskie" in client.get(url, {"q": "warsztatach"}).content.decode()


def test_list_pages_query_count_does_not_grow(client, items, coordinator, count_queries):
    client.force_login(coordinator)
    urls = [reverse("knowledge:glossary"), reverse("knowledge:practices"),
            reverse("knowledge:publications"), reverse("knowledge:index") + "?q=partnerstwo"]
    before = []
    for url in urls:
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        before.append(len(queries))
    for number in range(10):
        services.create_term(None, services.TermData(f"termin {number}", "Definicja."))
        services.create_practice(None, services.PracticeData(
            title=f"Partnerstwo {number}", who="OPS", what="Opis.", tags=("a", "b"),
            municipality_code="2415031"))
        services.create_publication(None, services.PublicationData(
            f"Partnerstwo raport {number}", "report", is_public=True))
    for url, count in zip(urls, before, strict=True):
        with count_queries() as queries:
            client.get(url)
        assert len(queries) == count, url


def test_create_practice_through_the_form_keeps_input_on_errors(client, coordinator):
    client.force_login(coordinator)
    url = reverse("knowledge:create", args=["practices"])
    response = client.post(url, {"title": "Festyn sąsiedzki", "who": "", "what": "Opis",
                                 "status": "published"})
    assert response.status_code == 200
    assert "Festyn sąsiedzki" in response.content.decode()
    assert not GoodPractice.objects.exists()
    response = client.post(url, {"title": "Festyn sąsiedzki", "who": "KGW", "what": "Opis",
                                 "status": "published", "sector_a": "ngo",
                                 "sector_b": "ngo"})
    assert response.status_code == 200
    assert not GoodPractice.objects.exists()
    response = client.post(url, {"title": "Festyn sąsiedzki", "who": "KGW", "what": "Opis",
                                 "status": "published", "municipality": "2415031"})
    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url()
    assert practice.municipality_id == "2415031"


def test_concurrent_edit_on_the_page_is_reported(client, coordinator):
    client.force_login(coordinator)
    term = services.create_term(coordinator, services.TermData("lider", "A."))
    url = reverse("knowledge:edit", args=["glossary", term.slug])
    form = {"term_pl": "lider", "definition_pl": "B.", "version": term.version}
    assert client.post(url, form).status_code == 302
    response = client.post(url, {**form, "definition_pl": "C."})
    assert response.status_code == 200
    assert "C." in response.content.decode()
    assert GlossaryTerm.objects.get().definition_pl == "B."


def test_upload_and_download_a_file(client, coordinator, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mosty.knowledge.tests.files import small_pdf

    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    url = reverse("knowledge:create", args=["publications"])
    bad = SimpleUploadedFile("zly.pdf", b"not a pdf at all")
    response = client.post(url, {"title": "Wnioski", "kind": "conclusions", "new_file": bad})
    assert response.status_code == 200
    assert "Wnioski" in response.content.decode()
    good = SimpleUploadedFile("wnioski.pdf", small_pdf())
    response = client.post(url, {"title": "Wnioski", "kind": "conclusions", "is_public": "on",
                                 "new_file": good})
    assert response.status_code == 302
    publication = Publication.objects.get()
    attached = publication.files.get()
    client.logout()
    download = client.get(reverse("knowledge:download",
                                  args=["publications", publication.slug, attached.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_programme_and_event_texts_link_to_the_glossary_and_stay_escaped(client, public_programme):
    from datetime import timedelta

    from django.utils import timezone

    from mosty.events.models import Conclusions
    from mosty.knowledge.models import GlossaryTerm
    from mosty.programmes.models import Event

    term = GlossaryTerm.objects.create(term_pl="partnerstwo", term_en="partnership",
                                       slug="partnerstwo", definition_pl="Trwała współpraca.")
    public_programme.description = "Budujemy [[partnerstwo]] <script>alert(1)</script>"
    public_programme.save(update_fields=["description"])
    page = client.get(f"/programmes/{public_programme.slug}/").content.decode()
    assert f'<a class="glossary-link" href="{term.get_absolute_url()}">partnerstwo</a>' in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page
    start = timezone.now()
    event = Event.objects.create(programme=public_programme, title="Warsztat", slug="warsztat",
                                 kind="workshop", start=start, end=start + timedelta(hours=2))
    Conclusions.objects.create(event=event, is_published=True,
                               recommendations="Podpiszmy [[partnership|porozumienie]].")
    page = client.get(f"/programmes/events/{event.slug}/").content.decode()
    assert f'href="{term.get_absolute_url()}">porozumienie</a>' in page
