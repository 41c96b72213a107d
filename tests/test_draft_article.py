"""manage.py draft_article's first pass, on small texts: what it drafts, and what it leaves out.

The people, outlets and meetings are the real archive's (fixtures/); no database is needed.
"""

from django.test import SimpleTestCase

from tests.drafting_support import draft, kept, only


class QuotationKindTests(SimpleTestCase):
    def test_straight_quotes(self):
        quotation = only('Putin said: "We will help our friends."\n')
        self.assertEqual(quotation.text, "We will help our friends.")

    def test_curly_quotes_keep_the_punctuation_inside_the_marks(self):
        quotation = only("“We will help our friends,” Putin told the audience.\n")
        self.assertEqual(quotation.text, "We will help our friends,")

    def test_guillemets(self):
        quotation = only("Sergey Lavrov said that «the talks were useful and frank».\n")
        self.assertEqual(quotation.text, "the talks were useful and frank")

    def test_a_quotation_inside_another_stays_part_of_it(self):
        text = "“He told me ‘never again’ and he meant it,” Kim Jong Un said.\n"
        self.assertEqual(only(text).text, "He told me ‘never again’ and he meant it,")

    def test_a_quotation_over_two_paragraphs_is_joined_as_printed(self):
        text = (
            "Cha Du-hyeogn said: “The first part of the warning is for Washington.\n\n"
            "“The second part is for their own people.”\n"
        )
        quotation = only(text)
        self.assertEqual(
            quotation.text,
            "The first part of the warning is for Washington.\n\n"
            "The second part is for their own people.",
        )
        self.assertEqual(quotation.speaker, "cha-du-hyeogn")

    def test_a_fragment_in_the_authors_paraphrase(self):
        self.assertTrue(only("Kim Jong Un expressed “full support” for the war.\n").is_fragment)
        self.assertFalse(only("Putin said: “We will win this together.”\n").is_fragment)
        self.assertFalse(only("Putin remarked that “we will win this together.”\n").is_fragment)


class LeftOutTests(SimpleTestCase):
    """Quotation marks that are not a speaker's words are left out, each with a report line."""

    def left_out(self, text):
        result = draft(text)
        self.assertEqual(result.kept, [])
        return result.report()

    def test_headline(self):
        text = "Putin hails “new era” with Kim\nThe two leaders met on Wednesday.\n"
        (line,) = self.left_out(text)
        self.assertEqual(line, "left out ¶1: “new era” — in the headline")

    def test_photo_caption(self):
        text = "Putin and Kim at the “friendship” dinner. Credit: KCNA via Reuters\n"
        self.assertEqual(self.left_out(text), ["left out ¶1: “friendship” — in a photo caption"])

    def test_the_authors_scare_quotes(self):
        (line,) = self.left_out(
            "Yet it is obvious that the two men were “synchronizing their watches” in Beijing.\n"
        )
        self.assertIn("— no speaker named: the author's own phrase (scare quotes)", line)

    def test_signs(self):
        (line,) = self.left_out(
            "The hotel’s electronic board displayed “Welcome Putin” all night.\n"
        )
        self.assertEqual(
            line, "left out ¶1: “Welcome Putin” — the words of a sign or display, not a speaker"
        )

    def test_reader_comments(self):
        text = (
            "Putin said: “We will stay the course.”\n"
            "3 Comments\n"
            "Jane says:\n"
            "Putin said “we will win” again, as he always does.\n"
        )
        result = draft(text)
        self.assertEqual([q.text for q in result.kept], ["We will stay the course."])
        self.assertIn("left out ¶4: “we will win” — in a reader comment", result.report())

    def test_the_same_words_quoted_again_are_drafted_once(self):
        text = (
            "Putin may visit Pyongyang to celebrate the “unbreakable strategic partnership” "
            "both had pledged.\n"
            "Kim described their ties as an “unbreakable strategic partnership” at the banquet.\n"
        )
        result = draft(text)
        self.assertEqual([q.number for q in result.kept], [2])
        self.assertIn("the same words are quoted in ¶2", result.report()[0])


class SpeakerTests(SimpleTestCase):
    def test_names_in_any_spelling_the_archive_knows(self):
        self.assertEqual(only("Kim Jong-un said: “We are ready.”\n").speaker, "kim-jong-un")
        self.assertEqual(only("“It is over,” Sergei Lavrov told them.\n").speaker, "sergey-lavrov")

    def test_a_description(self):
        quotation = only("“We are ready for anything,” the North Korean leader said.\n")
        self.assertEqual(quotation.speaker, "kim-jong-un")
        self.assertIn("the North Korean leader said", quotation.notes["speaker"])

    def test_he_after_a_named_speaker_in_the_same_paragraph(self):
        text = "During his meeting with Kim, Lavrov hinted at relief. “They must go,” he said.\n"
        self.assertEqual(only(text).speaker, "sergey-lavrov")

    def test_through_an_interpreter(self):
        quotation = only("“Pressure will not work,” Putin said through an interpreter.\n")
        self.assertEqual(quotation.speaker, "vladimir-putin")
        self.assertEqual(quotation.channel_note, "through an interpreter")

    def test_every_speaker_comes_with_a_confidence(self):
        named = only("Vladimir Putin said: “We will help.”\n")
        pronoun = only("Vladimir Putin arrived late. “We will help,” he said.\n")
        self.assertEqual(pronoun.speaker, "vladimir-putin")
        self.assertGreater(named.confidence, pronoun.confidence)
        self.assertIn("(confidence 0.9)", named.notes["speaker"])

    def test_an_unknown_name_is_proposed_as_a_new_person(self):
        result = draft("John Smithers, a professor at Oxford, said: “It was theatre.”\n")
        self.assertEqual(result.kept[0].speaker, "john-smithers")
        self.assertEqual(list(result.proposed_people), ["john-smithers"])

    def test_a_capital_speaks_for_its_government_only_as_the_subject(self):
        quotation = only("Seoul on Thursday slammed the deal, expressing its “deep concern.”\n")
        self.assertEqual(quotation.speaker, "south-korean-government")
        (line,) = draft("Experts in Seoul said the talks were a “new normal.”\n").report()
        self.assertIn("no speaker named", line)

    def test_names_inside_the_quotation_are_never_the_speaker(self):
        (line,) = draft("The question is simple: “What could Trump offer Kim?”\n").report()
        self.assertIn("no speaker named", line)


class ChannelTests(SimpleTestCase):
    def channel(self, text):
        return only(text).channel

    def test_according_to_an_agency(self):
        self.assertEqual(self.channel("Putin said “we agree,” according to TASS.\n"), "tass")
        self.assertEqual(self.channel("Kim said “we agree,” according to KCNA.\n"), "kcna")

    def test_according_to_the_kremlins_website(self):
        text = "According to the Kremlin’s website, Putin remarked that “we now agree.”\n"
        self.assertEqual(self.channel(text), "kremlin-website")

    def test_told_reporters_is_a_note_not_a_channel(self):
        quotation = only("“We are pursuing a deal,” Kim Yong-ho told reporters.\n")
        self.assertEqual((quotation.channel, quotation.channel_note), (None, "told reporters"))

    def test_in_a_tweet(self):
        quotation = only("“There is no rush!” Donald Trump said in a tweet.\n")
        self.assertEqual((quotation.channel, quotation.channel_note), ("twitter", "a tweet"))

    def test_the_channel_carries_over_while_the_account_runs_on(self):
        text = (
            "By Jane Roe on 20 June 2024\n"
            "Putin and Kim held summit talks in Pyongyang on Wednesday.\n"
            "“We are allies,” Kim Jong Un said at the talks, according to KCNA.\n"
            "“The treaty is signed,” Putin said at the talks.\n"
            "Putin thanked Kim for the “courage” of his soldiers, the Kremlin said.\n"
        )
        self.assertEqual([q.channel for q in kept(text)], ["kcna", "kcna", None])

    def test_an_unknown_outlet_is_proposed(self):
        result = draft("“We agree,” Dmitry Peskov said, according to the Interfax news agency.\n")
        self.assertEqual(result.kept[0].channel, "interfax")
        self.assertEqual(result.proposed_outlets["interfax"]["name"], "Interfax")

    def test_an_outlet_merely_named_is_not_the_channel(self):
        text = "“It will not work,” Putin said when asked by Cho Sung-boo of Yonhap News Agency.\n"
        self.assertIsNone(self.channel(text))


class DateTests(SimpleTestCase):
    def test_a_weekday_counts_back_from_the_articles_date(self):
        text = "By Jane Roe on 20 June 2024\nPeskov said on Wednesday that “nothing is signed.”\n"
        quotation = only(text)
        self.assertEqual(str(quotation.said_on), "2024-06-19")
        self.assertIn("Wednesday before the article's date", quotation.notes["said_on"])

    def test_month_precision_when_the_text_gives_a_month(self):
        quotation = only("In April 2019, Kim Jong Un announced a “new strategic line.”\n")
        self.assertEqual(str(quotation.said_on), "2019-04")

    def test_never_invented(self):
        quotation = only("“Nothing is signed,” Dmitry Peskov said on Wednesday.\n")
        self.assertIsNone(quotation.said_on)
        self.assertIn("gives no date to count from", quotation.notes["said_on"])


class MeetingTests(SimpleTestCase):
    def test_the_meeting_that_matches_place_and_date(self):
        text = (
            "By Jane Roe on 20 June 2024\n"
            "Putin and Kim held summit talks in Pyongyang on Wednesday.\n"
            "“The treaty provides for mutual assistance,” Putin said after the talks.\n"
        )
        quotation = only(text)
        self.assertEqual(quotation.meeting, "putin-kim-2024-pyongyang")
        self.assertEqual(str(quotation.said_on), "2024-06-19")

    def test_none_when_the_speaker_took_no_part(self):
        text = (
            "By Jane Roe on 20 June 2024\n"
            "Putin and Kim held summit talks in Pyongyang on Wednesday.\n"
            "“It went well,” Dmitry Peskov said of the talks in Pyongyang.\n"
        )
        self.assertIsNone(only(text).meeting)

    def test_none_when_the_dates_do_not_fit(self):
        text = (
            "By Jane Roe on 20 June 2012\n"
            "“The treaty provides for mutual assistance,” Putin said after talks in Pyongyang.\n"
        )
        self.assertIsNone(only(text).meeting)


class ArticleTests(SimpleTestCase):
    def test_title_byline_date_and_address(self):
        page = draft(
            "Skip to content\n"
            "Putin and Kim sign a treaty in Pyongyang\n"
            "By Jane Roe and John Doe on 20 June 2024\n"
            "The two leaders signed a treaty.\n"
            "https://example.org/2024/06/20/treaty/\n"
        ).page
        self.assertEqual(page.title, "Putin and Kim sign a treaty in Pyongyang")
        self.assertEqual(page.authors, ["Jane Roe", "John Doe"])
        self.assertEqual(str(page.published), "2024-06-20")
        self.assertEqual(page.url, "https://example.org/2024/06/20/treaty/")

    def test_a_title_ending_in_the_outlets_name(self):
        page = draft("Putin may visit North Korea — Radio Free Asia\nThe report said so.\n").page
        self.assertEqual(
            (page.title, page.title_outlet), ("Putin may visit North Korea", "Radio Free Asia")
        )

    def test_page_furniture_is_not_the_title_and_a_date_line_dates_it(self):
        page = draft(
            "National > North Korea\n"
            "Kim, Putin hold talks in Beijing after parade\n"
            "Published : Sept. 4, 2025 - 10:21  Updated : Sept. 4, 2025 - 15:03\n"
            "The two leaders met.\n"
        ).page
        self.assertEqual(page.title, "Kim, Putin hold talks in Beijing after parade")
        self.assertEqual(str(page.published), "2025-09-04")

    def test_without_a_date_a_first_reader_comment_bounds_it_to_a_month(self):
        page = draft(
            "The two leaders met.\n2 thoughts on “The meeting”\nApril 29, 2019 at 12:05 pm\n"
        ).page
        self.assertEqual(str(page.published), "2019-04")
        self.assertIn("first reader comment", page.published_why)

    def test_nothing_given_nothing_guessed(self):
        page = draft("The two leaders signed a treaty on Wednesday.\n").page
        self.assertEqual((page.title, page.authors, page.published, page.url), ("", [], None, ""))
