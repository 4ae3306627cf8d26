use super::brat::{self, Role};
use super::train::{self, Annotated, Options};
use super::*;

/// An annotation line for the first `phrase` of `text` (character offsets, as brat writes).
fn span(text: &str, n: usize, label: &str, phrase: &str) -> String {
    let at = text.find(phrase).expect("phrase in text");
    let a = text[..at].chars().count();
    let b = a + phrase.chars().count();
    format!("T{n}\t{label} {a} {b}\t{phrase}\n")
}

/// A few articles of reported speech in shapes news uses, each annotated.
fn articles() -> Vec<Annotated> {
    let shapes: [(&str, &str, &str, &str); 4] = [
        (
            "The minister said that the new levy would hurt farmers across the region.",
            "The minister",
            "said",
            "that the new levy would hurt farmers across the region",
        ),
        (
            "Officials warned the bridge could close for repairs next spring.",
            "Officials",
            "warned",
            "the bridge could close for repairs next spring",
        ),
        (
            "Ms. Ortega argued that the budget left schools short of teachers.",
            "Ms. Ortega",
            "argued",
            "that the budget left schools short of teachers",
        ),
        (
            "The union claimed the company had broken its promise to workers.",
            "The union",
            "claimed",
            "the company had broken its promise to workers",
        ),
    ];
    (0..6)
        .flat_map(|_| shapes.iter())
        .map(|&(text, source, cue, content)| {
            let text = format!("Weather was mild on Tuesday. {text} Prices rose.");
            let ann = span(&text, 1, "Source", source)
                + &span(&text, 2, "Cue", cue)
                + &span(&text, 3, "Content", content)
                + &span(&text, 4, "Attribution", cue);
            let spans = brat::parse(&ann, &text).expect("annotation reads");
            Annotated { text, spans }
        })
        .collect()
}

#[test]
fn brat_offsets_count_characters() {
    let text = "“Yes,” Müller said the plan works.";
    let ann = span(text, 1, "Source", "Müller") + &span(text, 2, "Content", "the plan works");
    let spans = brat::parse(&ann, text).unwrap();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0].role, Role::Source);
    assert_eq!(&text[spans[0].pieces[0].clone()], "Müller");
    assert_eq!(&text[spans[1].pieces[0].clone()], "the plan works");
}

#[test]
fn brat_reads_discontinuous_spans_and_skips_other_labels() {
    let text = "The plan, he said, will fail.";
    let ann =
        "T1\tContent 0 8;19 28\tThe plan will fail\nT2\tDiscuss 0 3\tThe\nE1\tAttribution:T3\n";
    let spans = brat::parse(ann, text).unwrap();
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].pieces, vec![0..8, 19..28]);
}

#[test]
fn brat_span_text_may_run_over_lines() {
    let text = "He said: Two.\n\nThe rest follows here.";
    let ann = "T1\tContent 9 13;15 37\tTwo.\n\nThe rest follows here\nT2\tCue 3 7\tsaid\n";
    let spans = brat::parse(ann, text).unwrap();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[1].role, Role::Cue);
}

#[test]
fn brat_errors_name_the_line() {
    let text = "short";
    let err = brat::parse("T1\tCue 0 2\tsh\nT2\tCue 3 90\tx\n", text).unwrap_err();
    assert_eq!(err.line, 2);
    let err = brat::parse("T1\tCue zero 2\tsh\n", text).unwrap_err();
    assert_eq!(err.line, 1);
}

#[test]
fn a_tiny_model_trains_loads_and_tags() {
    let arts = articles();
    let opts = Options {
        epochs: 6,
        min_count: 1,
        ..Options::default()
    };
    let (model, report) = train::train(&arts, &opts);
    assert!(report.accuracy.last().copied().unwrap_or(0.0) > 0.9);
    let bytes = model.to_bytes();
    let loaded = Model::from_bytes(&bytes).unwrap();
    assert_eq!(
        loaded.to_bytes(),
        bytes,
        "a model reads back as it was written"
    );
    let (again, _) = train::train(&arts, &opts);
    assert_eq!(again.to_bytes(), bytes, "training is deterministic");

    // A sentence of a shape it was trained on, with other words.
    let text = "Weather was mild on Tuesday. The minister said that the new levy would hurt \
                farmers across the region. Prices rose.";
    let doc = Doc::new(text);
    // As at run time: the rules' decisions are features.
    let rules = super::super::attribute::find(&doc);
    let tags = loaded.tag(&features::extract(&doc, &rules, false));
    let found = attributions(&loaded, &doc, &rules, false);
    assert_eq!(found.len(), 1, "{found:?}");
    let (f, _) = &found[0];
    let content = f.parts[0].clone();
    assert_eq!(
        &text[doc.toks[content.start].start as usize..doc.toks[content.end - 1].end as usize],
        "that the new levy would hurt farmers across the region"
    );
    assert_eq!(doc.word(f.cue), "said");
    let source = f
        .source
        .as_ref()
        .unwrap_or_else(|| panic!("no source: {tags:?}"));
    assert_eq!(doc.word(source.phrase.start), "The");
}

#[test]
fn model_output_skips_what_the_rules_found() {
    let arts = articles();
    let opts = Options {
        epochs: 6,
        min_count: 1,
        ..Options::default()
    };
    let (model, _) = train::train(&arts, &opts);
    let text = "Weather was mild on Tuesday. The minister said that the new levy would hurt \
                farmers across the region. Prices rose.";
    let doc = Doc::new(text);
    let alone: Vec<Found> = attributions(&model, &doc, &[], true)
        .into_iter()
        .map(|(f, origin)| {
            assert_eq!(origin, Origin::Model);
            f
        })
        .collect();
    assert_eq!(alone.len(), 1, "{alone:?}");
    let apart = attributions(&model, &doc, &alone, true);
    assert!(apart.is_empty(), "{apart:?}");
}

#[test]
fn bad_model_files_are_errors() {
    assert_eq!(
        Model::from_bytes(b"nothing").err(),
        Some(ModelError::Truncated)
    );
    assert_eq!(
        Model::from_bytes(b"NOTAMODEL...").err(),
        Some(ModelError::BadMagic)
    );
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&features::BITS.to_le_bytes());
    bytes.extend_from_slice(&1u32.to_le_bytes());
    assert_eq!(Model::from_bytes(&bytes).err(), Some(ModelError::Truncated));
}

#[test]
fn the_shipped_model_loads() {
    assert!(builtin().is_some(), "data/attribution.model does not read");
}

#[test]
fn merge_keeps_rule_order_and_renumbers_inherit() {
    let at = |cue: usize, inherit: Option<usize>| Found {
        source: None,
        inherit,
        parts: std::iter::once(cue + 1..cue + 2).collect(),
        kind: crate::enrich::QuoteKind::Indirect,
        sent: 0,
        cue,
    };
    let rules = vec![at(1, None), at(9, Some(0))];
    let extra = vec![(at(5, None), Origin::Model)];
    let (merged, origin) = merge(rules, extra);
    assert_eq!(origin, vec![Origin::Rules, Origin::Model, Origin::Rules]);
    let cues: Vec<usize> = merged.iter().map(|f| f.cue).collect();
    assert_eq!(cues, vec![1, 5, 9]);
    assert_eq!(merged[2].inherit, Some(0));
    assert_eq!(merged[1].inherit, None);
}

#[test]
fn a_clause_is_told_from_a_noun_phrase() {
    // (words after the verb, a clause or quotation?)
    let cases = [
        (
            "the concerns of its neighbours over the new border post",
            false,
        ),
        ("higher tariffs on steel from three countries", false),
        ("that the talks would resume next week", true),
        ("the plan would cost too much", true),
        ("it was time to leave", true),
        ("\"a good day for the region\"", true),
        ("why the vote was delayed", true),
    ];
    for (words, clause) in cases {
        let text = format!("The envoy noted {words}.");
        let doc = Doc::new(&text);
        let start = tok(&doc, "noted") + 1;
        let end = doc.toks.len() - 1;
        assert_eq!(clause_like(&doc, &(start..end)), clause, "{words}");
    }
}

#[test]
fn a_verb_of_judging_said_by_a_speaker_takes_a_noun_phrase_beside_the_rules() {
    // (sentence, source phrase, cue word, does the cue judge what follows?)
    let cases = [
        // A verb of judging by someone who can speak: its object is what it reports.
        (
            "The governor praised the volunteers who cleared the roads and said more help was \
             on the way.",
            "governor",
            "praised",
            true,
        ),
        (
            "Ms. Okafor cited rising rents as her main concern, and she said the council would \
             act.",
            "Okafor",
            "cited",
            true,
        ),
        (
            "Union leaders criticized the pay offer and said a strike was likely.",
            "leaders",
            "criticized",
            true,
        ),
        // A source that cannot speak judges nothing.
        (
            "The storm dismissed the hopes of an early harvest, officials said.",
            "storm",
            "dismissed",
            false,
        ),
        // A verb of judging only with its particle ("sees X as Y") judges nothing alone.
        (
            "The brewer saw its annual profits drop by a third, its chief said.",
            "brewer",
            "saw",
            false,
        ),
        (
            "The retailer sees sales of $100 million next year, the company said.",
            "retailer",
            "sees",
            false,
        ),
        // Not a verb of judging: beside the rules, a clause is needed.
        (
            "The senator acknowledged the concerns but said the bill would pass.",
            "senator",
            "acknowledged",
            false,
        ),
    ];
    for (text, head, cue, want) in cases {
        let doc = Doc::new(text);
        let v = tok(&doc, cue);
        let source = source::parse(&doc, 0..tok(&doc, head) + 1, None);
        assert_eq!(judges(&doc, &(v..v + 1), &source), want, "{text}");
    }
}

/// The index of the first token of `doc` that is the word `w`.
fn tok(doc: &Doc, w: &str) -> usize {
    (0..doc.toks.len())
        .find(|&k| doc.is_word(k, w))
        .unwrap_or_else(|| panic!("no {w:?}"))
}

#[test]
fn thinking_and_loose_verbs_need_a_speaking_source_or_a_clause() {
    // (sentence, source phrase, cue word, first word of the content, a statement?)
    let cases = [
        (
            "The region added about 12,000 jobs in March.",
            "region",
            "added",
            "about",
            false,
        ),
        (
            "A friend of the family found the dog near the river.",
            "family",
            "found",
            "the",
            false,
        ),
        (
            "The strike threatens to close the port for a week.",
            "strike",
            "threatens",
            "to",
            false,
        ),
        (
            "The region added that 12,000 jobs had gone.",
            "region",
            "added",
            "that",
            true,
        ),
        (
            "The audit found that the fund lost money.",
            "audit",
            "found",
            "that",
            true,
        ),
        (
            "Mayor Ruiz added about 12,000 jobs were at risk.",
            "Ruiz",
            "added",
            "about",
            true,
        ),
        (
            "Ruiz threatens to close the port for a week.",
            "Ruiz",
            "threatens",
            "to",
            true,
        ),
        // Not a thinking or loose verb: the tagger decides.
        (
            "The report said the plant had leaked.",
            "report",
            "said",
            "the",
            true,
        ),
    ];
    for (text, head, cue, first, want) in cases {
        let doc = Doc::new(text);
        let v = tok(&doc, cue);
        let source = source::parse(&doc, 0..tok(&doc, head) + 1, None);
        let start = (v + 1..doc.toks.len())
            .find(|&k| doc.is_word(k, first))
            .unwrap();
        let content = start..doc.toks.len() - 1;
        assert_eq!(
            speech_cue(&doc, &(v..v + 1), &content, &source),
            want,
            "{text}"
        );
    }
}

#[test]
fn the_shipped_model_adds_no_statement_for_a_non_speech_sense() {
    let model = builtin().expect("the shipped model loads");
    for text in [
        "A friend of the family found the dog near the river.",
        "The region added about 12,000 jobs in March.",
        "The strike threatens to close the port for a week.",
    ] {
        let doc = Doc::new(text);
        let rules = super::super::attribute::find(&doc);
        assert!(rules.is_empty(), "{text}");
        let found = attributions(model, &doc, &rules, true);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn a_model_statement_takes_the_source_the_rules_read_for_its_verb() {
    let doc = Doc::new("Later, the new finance minister said that the levy would hurt farmers.");
    let v = tok(&doc, "said");
    let source = rules_source(&doc, &(v..v + 1)).expect("the rules read a source");
    assert_eq!(doc.word(source.phrase.start), "the");
    assert_eq!(doc.word(source.phrase.end - 1), "minister");
    // A verb the rules do not take as speech there gives no source.
    let doc = Doc::new("A friend of the family found the dog near the river.");
    let v = tok(&doc, "found");
    assert_eq!(rules_source(&doc, &(v..v + 1)), None);
}

/// The token range from the first `first` to the first `last` after it, both in.
fn words(doc: &Doc, first: &str, last: &str) -> Range<usize> {
    let a = tok(doc, first);
    let b = (a..doc.toks.len())
        .find(|&k| doc.is_word(k, last))
        .unwrap_or_else(|| panic!("no {last:?}"));
    a..b + 1
}

/// A sentence, the first and last word of the tagged source span, the cue word, and the
/// source's phrase, name and role.
type Case = (
    &'static str,
    (&'static str, &'static str),
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn a_tagged_source_mends_a_name_cut_short_and_reads_an_aside_as_a_role() {
    let cases: [Case; 17] = [
        // The title alone was tagged: the name runs on up to the cue.
        (
            "Asked about it, Mr. Putin lingered on the questions that let him reassure voters.",
            ("Mr.", "Mr."),
            "lingered",
            "Mr. Putin",
            Some("Putin"),
            None,
        ),
        // The last word of a name was tagged: it runs back over the words before it.
        (
            "At that moment the United Nations was saying the deal might be signed soon.",
            ("Nations", "Nations"),
            "saying",
            "United Nations",
            Some("United Nations"),
            None,
        ),
        // An aside tagged without its name takes the name before the comma.
        (
            "Dan Alpert, managing partner of the investment bank Westwood Capital, expressed \
             alarm that his views on debt might be closer to the other side.",
            ("managing", "Capital"),
            "expressed",
            "Dan Alpert",
            Some("Dan Alpert"),
            Some("managing partner of the investment bank Westwood Capital"),
        ),
        // A name with an aside: the name speaks, the aside up to the next comma is its role.
        (
            "\"We are extremely happy\" about the decision, said Rosa Demarco, executive \
             director of the nurses union, a group that has broken away from others.",
            ("Rosa", "group"),
            "said",
            "Rosa Demarco",
            Some("Rosa Demarco"),
            Some("executive director of the nurses union"),
        ),
        // A possessive ends the name.
        (
            "Critics said Justice Scalia's comments from the bench showed that the court had \
             changed its tone.",
            ("Justice", "Justice"),
            "showed",
            "Justice Scalia's",
            Some("Scalia's"),
            Some("Justice"),
        ),
        // A place before a comma is no name for the aside after it.
        (
            "The speech left one Coralville, Iowa, pastor puzzled about what the senator \
             believed.",
            ("pastor", "pastor"),
            "puzzled",
            "pastor",
            None,
            Some("pastor"),
        ),
        // Neither is a place with an aside that names no role.
        (
            "Days after a debate in Las Vegas, the Democratic contenders presented a very \
             different view of the issue.",
            ("the", "contenders"),
            "presented",
            "the Democratic contenders",
            None,
            None,
        ),
        // A relative pronoun tagged alone stands for the phrase before it.
        (
            "The crowd cheered for Ms. Lee, who hopes the convention will unite the party.",
            ("who", "who"),
            "hopes",
            "Ms. Lee",
            Some("Lee"),
            None,
        ),
        // A determiner tagged alone runs on over its phrase, up to the cue.
        (
            "Later the Turkish government denied that its forces had crossed the border.",
            ("the", "the"),
            "denied",
            "the Turkish government",
            None,
            None,
        ),
        // Only a name: "the crowd cheered for" is no part of one.
        (
            "The crowd cheered for the mayor, who hopes the convention will unite the party.",
            ("who", "who"),
            "hopes",
            "who",
            None,
            None,
        ),
        // "that" may open the content as well as a relative clause: it is left alone.
        (
            "The mayor said that the new levy would hurt farmers.",
            ("that", "that"),
            "said",
            "that",
            None,
            None,
        ),
        // A span run on over its clause's verb and object is cut to the subject.
        (
            "The minister met union leaders on Tuesday and said the government would not back \
             down.",
            ("minister", "leaders"),
            "said",
            "minister",
            None,
            Some("minister"),
        ),
        (
            "President Barack Obama met survivors of the shooting and their relatives and said \
             the country must act.",
            ("President", "relatives"),
            "said",
            "President Barack Obama",
            Some("Barack Obama"),
            Some("President"),
        ),
        // Not after a place or a group word, nor before a name, nor a participle.
        (
            "Republican primary voters in five states said the economy mattered most.",
            ("Republican", "states"),
            "said",
            "Republican primary voters in five states",
            None,
            None,
        ),
        (
            "Campaign surrogate Katrina Pierson told reporters the campaign was growing.",
            ("Campaign", "Pierson"),
            "told",
            "Campaign surrogate Katrina Pierson",
            Some("Katrina Pierson"),
            Some("Campaign surrogate"),
        ),
        (
            "The judge hearing the case said the trial would resume in March.",
            ("judge", "case"),
            "said",
            "judge hearing the case",
            None,
            None,
        ),
        // A whole name is left as it is, and the name stops at the cue.
        (
            "Senator Ted Cruz warned that the bill would fail.",
            ("Senator", "Cruz"),
            "warned",
            "Senator Ted Cruz",
            Some("Ted Cruz"),
            Some("Senator"),
        ),
    ];
    let mut wrong = Vec::new();
    for (text, (first, last), cue, phrase, name, role) in cases {
        let doc = Doc::new(text);
        let span = words(&doc, first, last);
        let c = tok(&doc, cue);
        let src = tagged_source(&doc, span, &(c..c + 1));
        let got = (
            doc.slice(src.phrase.clone()),
            src.name.clone().map(|r| doc.slice(r)),
            src.role.clone().map(|r| doc.slice(r)),
        );
        // A phrase that names no one is not asked for a name.
        if got != (phrase, name.or(got.1), role) {
            wrong.push(format!("{text}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
