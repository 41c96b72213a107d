"""Each record's searched text is written in Python (search.search_indexes, prepare_text), no
longer rendered from templates: it must say what the templates said, word for word, for every
record, so every search finds and ranks what it did."""

from django.template import engines
from haystack import connections

from archive import names
from tests.base import ArchiveTestCase

# The templates the text was rendered from until the build was made faster (their comments apart).
TEMPLATES = {
    "quote": (
        "{% autoescape off %}{{ object.text }}\n"
        '{{ object.speaker.name }} {{ object.speaker.aliases|join:" / " }}\n'
        "{% if not object.is_fragment %}{{ object.text }}\n"
        "{{ object.speaker.name }}\n"
        "{% endif %}{{ object.context }}\n"
        '{{ object.meeting.title|default:"" }} {{ object.meeting.city|default:"" }}\n'
        "{{ object.article.title }}\n"
        '{{ object.article.outlet.name }} {{ object.channel.name|default:"" }}{% endautoescape %}\n'
    ),
    "article": (
        "{% autoescape off %}{{ object.title }}\n"
        "{{ object.title }}\n"
        "{{ object.summary }}\n"
        "{{ object.outlet.name }}\n"
        "{% for person in object.authors.all %}"
        '{{ person.name }} {{ person.aliases|join:" / " }} {% endfor %}\n'
        "{% for person in object.people_mentioned.all %}"
        '{{ person.name }} {{ person.aliases|join:" / " }} {% endfor %}\n'
        "{% for meeting in object.meetings.all %}{{ meeting.title }} {% endfor %}"
        "{% endautoescape %}\n"
    ),
    "meeting": (
        "{% autoescape off %}{{ object.title }}\n"
        "{{ object.title }}\n"
        "{{ object.city }} {{ object.venue }}\n"
        "{{ object.city }} {{ object.venue }} {{ object.country_name }}\n"
        "{{ object.summary }}\n"
        '{{ object.outcomes|join:" / " }}\n'
        "{% for person in object.participants.all %}"
        '{{ person.name }} {{ person.aliases|join:" / " }} {% endfor %}{% endautoescape %}\n'
    ),
    "person": (
        "{% autoescape off %}{{ object.name }}\n"
        "{{ object.name }}\n"
        '{{ object.aliases|join:" / " }}\n'
        "{{ object.bio }}\n"
        "{% for role in object.roles.all %}{{ role.title }} {% endfor %}\n"
        "{{ object.country_name }}{% endautoescape %}\n"
    ),
}


class SearchedTextTests(ArchiveTestCase):
    def test_every_record_says_what_its_template_said(self):
        names.reset_indexing_table()
        engine = engines["django"]
        for index in connections["default"].get_unified_index().get_indexes().values():
            model = index.get_model()
            template = engine.from_string(TEMPLATES[model._meta.model_name])
            records = list(index.index_queryset().order_by("pk"))
            self.assertTrue(records, model)
            for record in records:
                with self.subTest(record=f"{model._meta.model_name} {record.slug}"):
                    self.assertEqual(
                        index.prepare_text(record), template.render({"object": record})
                    )

    def test_a_quote_carries_every_spelling_of_its_speaker(self):
        index = connections["default"].get_unified_index().get_index(type(self.quote_of_kim()))
        document = index.full_prepare(self.quote_of_kim())
        kim = self.person("kim-jong-un")
        for spelling in [kim.name, *kim.aliases]:
            self.assertIn(spelling, document["text"])

    def quote_of_kim(self):
        return self.person("kim-jong-un").quotes.order_by("slug").first()
