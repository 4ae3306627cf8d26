//! Sentence tables for every attribution shape, speaker rule and negative the quote finder
//! handles. The sentences are written for these tests in the shapes news copy uses.

use proptest::prelude::*;

use super::{Attribution, extract};
use crate::enrich::QuoteKind::{self, Direct, Indirect, Mixed};

/// (kind, speaker, text) of every attribution in `body`.
pub(super) fn found(body: &str) -> Vec<(QuoteKind, Option<String>, String)> {
    extract(body)
        .into_iter()
        .map(|a| (a.kind, a.speaker, a.text))
        .collect()
}

fn q(kind: QuoteKind, speaker: Option<&str>, text: &str) -> (QuoteKind, Option<String>, String) {
    (kind, speaker.map(str::to_string), text.to_string())
}

/// An expected attribution: kind, speaker, text.
type Want<'a> = (QuoteKind, Option<&'a str>, &'a str);

/// Check a table of (body, expected attributions).
fn check(cases: &[(&str, &[Want])]) {
    for &(body, want) in cases {
        let want: Vec<_> = want.iter().map(|&(k, s, t)| q(k, s, t)).collect();
        assert_eq!(found(body), want, "{body}");
    }
}

#[test]
fn quote_marks_of_every_style() {
    check(&[
        (
            "\"We will not back down,\" Ana Ruiz said.",
            &[(Direct, Some("Ana Ruiz"), "We will not back down,")],
        ),
        (
            "“We will not back down,” Ana Ruiz said.",
            &[(Direct, Some("Ana Ruiz"), "We will not back down,")],
        ),
        (
            "« Nous ne reculerons pas », said Ana Ruiz.",
            &[(Direct, Some("Ana Ruiz"), "Nous ne reculerons pas")],
        ),
        (
            "„Wir weichen nicht zurück“, said Ana Ruiz.",
            &[(Direct, Some("Ana Ruiz"), "Wir weichen nicht zurück")],
        ),
        (
            "‘We will not back down,’ Ana Ruiz said.",
            &[(Direct, Some("Ana Ruiz"), "We will not back down,")],
        ),
        (
            "''We will not back down,'' Ana Ruiz said.",
            &[(Direct, Some("Ana Ruiz"), "We will not back down,")],
        ),
    ]);
}

#[test]
fn apostrophes_do_not_open_quotes() {
    check(&[
        (
            "Xi's envoy said they don't expect a deal like the '90s ones.",
            &[(
                Indirect,
                Some("Xi's envoy"),
                "they don't expect a deal like the '90s ones",
            )],
        ),
        (
            "The ministers’ aides said the talks’ outcome was open.",
            &[(
                Indirect,
                Some("ministers’ aides"),
                "the talks’ outcome was open",
            )],
        ),
    ]);
}

#[test]
fn quotes_over_several_paragraphs() {
    let body = "“The first thing is trade. We have to talk.\n\n\
                “The second thing is security,” Lena Park said.";
    let got = extract(body);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker.as_deref(), Some("Lena Park"));
    assert!(got[0].text.starts_with("The first thing"));
    assert!(got[0].text.ends_with("security,"));
}

#[test]
fn unbalanced_marks_do_not_swallow_the_article() {
    let body = "Officials saw it as “a setback.\n\n\
                Later that day, “We are ready,” Omar Haddad said.";
    assert_eq!(
        found(body),
        [
            // The judgement stops at its paragraph's end.
            q(Mixed, Some("officials"), "it as “a setback"),
            q(Direct, Some("Omar Haddad"), "We are ready,")
        ]
    );
}

#[test]
fn direct_quote_shapes() {
    check(&[
        (
            "“The tariffs will go,” Jean Moreau said on Monday.",
            &[(Direct, Some("Jean Moreau"), "The tariffs will go,")],
        ),
        (
            "“The tariffs will go,” said Jean Moreau, the minister of trade.",
            &[(Direct, Some("Jean Moreau"), "The tariffs will go,")],
        ),
        (
            "Jean Moreau said: “The tariffs will go.”",
            &[(Direct, Some("Jean Moreau"), "The tariffs will go.")],
        ),
        (
            "Jean Moreau said, “The tariffs will go.”",
            &[(Direct, Some("Jean Moreau"), "The tariffs will go.")],
        ),
        (
            "Jean Moreau told reporters, “The tariffs will go.”",
            &[(Direct, Some("Jean Moreau"), "The tariffs will go.")],
        ),
        (
            "In a statement, Jean Moreau said “the tariffs will go soon.”",
            &[(Direct, Some("Jean Moreau"), "the tariffs will go soon.")],
        ),
        (
            "“The tariffs will go soon.” — Jean Moreau",
            &[(Direct, Some("Jean Moreau"), "The tariffs will go soon.")],
        ),
        (
            "Said Jean Moreau: “The tariffs will go.”",
            &[(Direct, Some("Jean Moreau"), "The tariffs will go.")],
        ),
    ]);
}

#[test]
fn split_quotes_join_their_parts() {
    let got = extract("“The tariffs will go,” Jean Moreau said. “Then we talk.”");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].text, "The tariffs will go, Then we talk.");
    assert_eq!(got[0].parts.len(), 2);
    let got = extract("“The tariffs will go,” Jean Moreau said, “and then we talk.”");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].text, "The tariffs will go, and then we talk.");
}

#[test]
fn quote_only_paragraph_after_an_attributed_one_keeps_the_speaker() {
    let body = "“We expect a deal by June,” said Priya Nair, the trade secretary.\n\n\
                “Nobody wants a long fight over steel and cars.”\n\n\
                The markets rose on Friday.";
    assert_eq!(
        found(body),
        [
            q(Direct, Some("Priya Nair"), "We expect a deal by June,"),
            q(
                Direct,
                Some("Priya Nair"),
                "Nobody wants a long fight over steel and cars."
            ),
        ]
    );
}

#[test]
fn colon_at_paragraph_end_introduces_the_next() {
    let body = "Priya Nair added:\n\n“Nobody wants a long fight over steel.”";
    assert_eq!(
        found(body),
        [q(
            Direct,
            Some("Priya Nair"),
            "Nobody wants a long fight over steel."
        )]
    );
}

#[test]
fn indirect_speech() {
    check(&[
        (
            "Jean Moreau said that the tariffs would go next year.",
            &[(
                Indirect,
                Some("Jean Moreau"),
                "the tariffs would go next year",
            )],
        ),
        (
            "Jean Moreau said the tariffs would go next year.",
            &[(
                Indirect,
                Some("Jean Moreau"),
                "the tariffs would go next year",
            )],
        ),
        (
            "The tariffs would go next year, Jean Moreau said.",
            &[(
                Indirect,
                Some("Jean Moreau"),
                "The tariffs would go next year",
            )],
        ),
        (
            "Jean Moreau told the committee that the tariffs would go.",
            &[(Indirect, Some("Jean Moreau"), "the tariffs would go")],
        ),
        (
            "Jean Moreau told lawmakers the tariffs would go next year.",
            &[(
                Indirect,
                Some("Jean Moreau"),
                "the tariffs would go next year",
            )],
        ),
        (
            "According to Jean Moreau, the tariffs will go next year.",
            &[(
                Indirect,
                Some("Jean Moreau"),
                "the tariffs will go next year",
            )],
        ),
        (
            "The tariffs will go next year, according to Jean Moreau.",
            &[(
                Indirect,
                Some("Jean Moreau"),
                "The tariffs will go next year",
            )],
        ),
    ]);
}

#[test]
fn according_to_a_source_with_a_modifier_runs_to_the_comma() {
    check(&[
        (
            "According to an envoy briefed on the talks, the two sides discussed chips.",
            &[(Indirect, None, "the two sides discussed chips")],
        ),
        (
            "According to people familiar with the plan, the cut starts in May.",
            &[(Indirect, None, "the cut starts in May")],
        ),
        // No modifier: the words after the name are the content, even before a comma.
        (
            "According to Jean Moreau the talks went well, and both sides agreed.",
            &[(Indirect, Some("Jean Moreau"), "the talks went well")],
        ),
    ]);
}

#[test]
fn mixed_speech_keeps_the_reported_clause() {
    check(&[(
        "Jean Moreau said both camps were “grown-up” enough to settle it.",
        &[(
            Mixed,
            Some("Jean Moreau"),
            "both camps were “grown-up” enough to settle it",
        )],
    )]);
}

#[test]
fn results_given_as_figures_are_no_statements() {
    check(&[
        (
            "Halvard Airlines reported a loss of $387m for the fourth quarter of 2004.",
            &[],
        ),
        (
            "Brennick Bank Plc reported a pre-tax profit of 700 mln stg.",
            &[],
        ),
        (
            "The chain reported strong sales on the last Saturday before Christmas.",
            &[],
        ),
        // A clause after the verb is still what was reported.
        (
            "The federation reported that sales of downloaded songs rose tenfold.",
            &[(Indirect, None, "sales of downloaded songs rose tenfold")],
        ),
        (
            "The Commerce Department reported sales of new homes fell 3 pct in May.",
            &[(
                Indirect,
                Some("Commerce Department"),
                "sales of new homes fell 3 pct in May",
            )],
        ),
    ]);
}

#[test]
fn weak_cues_need_that_quote_marks_or_a_clause_with_a_helper() {
    check(&[
        (
            "Jean Moreau believes that the tariffs will go.",
            &[(Indirect, Some("Jean Moreau"), "the tariffs will go")],
        ),
        (
            "Jean Moreau believes the tariffs will go.",
            &[(Indirect, Some("Jean Moreau"), "the tariffs will go")],
        ),
        // A bare plural noun is not read as the start of a clause.
        ("Jean Moreau thinks tariffs are a tax on buyers.", &[]),
    ]);
}

#[test]
fn multi_word_cues() {
    check(&[
        (
            "Jean Moreau was quoted as saying the tariffs would go.",
            &[(Indirect, Some("Jean Moreau"), "the tariffs would go")],
        ),
        (
            "Jean Moreau later went on to say the tariffs would go.",
            &[(Indirect, Some("Jean Moreau"), "the tariffs would go")],
        ),
        (
            "Jean Moreau said in an interview with a local radio station that talks would resume.",
            &[(Indirect, Some("Jean Moreau"), "talks would resume")],
        ),
    ]);
}

#[test]
fn speaker_name_role_and_affiliation() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "US Secretary of State Marco Rubio said the talks went well.",
            "Marco Rubio",
            "Secretary of State",
            "US",
        ),
        (
            "Chinese Foreign Ministry spokesperson Geng Shuang said the talks went well.",
            "Geng Shuang",
            "Foreign Ministry spokesperson",
            "Chinese",
        ),
        (
            "“The talks went well,” said Lael Brainard, a Fed governor.",
            "Lael Brainard",
            "Fed governor",
            "",
        ),
        (
            "British Chancellor of the Exchequer Rachel Reeves said the talks went well.",
            "Rachel Reeves",
            "Chancellor of the Exchequer",
            "British",
        ),
        // A body's name with a link before the title: the title words alone are the role.
        (
            "Bank of Japan governor Satoshi Sumita said the yen was stable.",
            "Satoshi Sumita",
            "governor",
            "Bank of Japan",
        ),
        (
            "Bank of Japan's deputy governor Yasushi Mieno said the yen was stable.",
            "Yasushi Mieno",
            "deputy governor",
            "Bank of Japan's",
        ),
    ];
    for &(body, speaker, role, aff) in cases {
        let a: Vec<Attribution> = extract(body);
        assert_eq!(a.len(), 1, "{body}");
        assert_eq!(a[0].speaker.as_deref(), Some(speaker), "{body}");
        assert_eq!(a[0].role.as_deref(), Some(role), "{body}");
        assert_eq!(a[0].affiliation.as_deref().unwrap_or(""), aff, "{body}");
    }
}

#[test]
fn asides_between_source_and_verb_are_skipped() {
    check(&[
        (
            "Tom Reyes, who chairs the panel, said the vote would wait.",
            &[(Indirect, Some("Tom Reyes"), "the vote would wait")],
        ),
        (
            "Tom Reyes, 64, a former senator, said the vote would wait.",
            &[(Indirect, Some("Tom Reyes"), "the vote would wait")],
        ),
        (
            "Dr. Ann Holt, past president of the Canadian Nurses Association, said the vote \
             would wait.",
            &[(Indirect, Some("Ann Holt"), "the vote would wait")],
        ),
        (
            "The head of the panel, Tom Reyes, said the vote would wait.",
            &[(Indirect, Some("Tom Reyes"), "the vote would wait")],
        ),
        (
            "One of the losing bidders, Dutch-based group Mittal, said the vote would wait.",
            &[(Indirect, Some("Mittal"), "the vote would wait")],
        ),
        (
            "The main union, the CWU, said the vote would wait.",
            &[(Indirect, Some("CWU"), "the vote would wait")],
        ),
        // The aside names what the aside before it described; a participle's object does not
        // speak.
        (
            "Ann Holt, a board member of Germany's central bank, the Bundesbank, said the vote \
             would wait.",
            &[(Indirect, Some("Ann Holt"), "the vote would wait")],
        ),
        (
            "The group, representing Texas Farmers, said the vote would wait.",
            &[(Indirect, None, "the vote would wait")],
        ),
        // A question put to the source, in an aside of its own.
        (
            "Ana Ruiz, asked whether the fund would add to the deficit, said the cost was \
             covered.",
            &[(Indirect, Some("Ana Ruiz"), "the cost was covered")],
        ),
        // A description with no comma to close it: the name before it speaks, not the body
        // that ends the description.
        (
            "Ann Holt, head of policy at the charity the Lowry Trust said the rule was unfair.",
            &[(Indirect, Some("Ann Holt"), "the rule was unfair")],
        ),
        (
            "Tom Reyes, a spokesman for the Farmers Union said the vote would wait.",
            &[(Indirect, Some("Tom Reyes"), "the vote would wait")],
        ),
        // Not when the name does not open the sentence, nor when the words after the comma
        // are no role.
        (
            "Speaking to Ann Holt and Tom Reyes, the party leader said the vote would wait.",
            &[(Indirect, None, "the vote would wait")],
        ),
        (
            "Tom Reyes, the Farmers Union said, would wait.",
            &[(Indirect, Some("Farmers Union"), "Tom Reyes would wait")],
        ),
    ]);
}

#[test]
fn asides_with_places_and_unclosed_descriptions_after_a_quote() {
    check(&[
        // A hometown with its province inside a longer aside is no source.
        (
            "Parsons, a retired teacher who moved here from Corner Brook, N.L., in the 1990s, \
             said she came every week.",
            &[(Indirect, Some("Parsons"), "she came every week")],
        ),
        (
            "Dale Roy, a welder from Red Deer, Alberta, said the plant was busy.",
            &[(Indirect, Some("Dale Roy"), "the plant was busy")],
        ),
        // After a quote, a name and a description that runs up to the verb with no comma.
        (
            "\"Both sides will lose,\" Ruth Cole, a professor of economics at Halden University \
             told the paper.",
            &[(Direct, Some("Ruth Cole"), "Both sides will lose,")],
        ),
        // Or after a statement's comma.
        (
            "Both sides will lose, Ruth Cole, a professor of economics at Halden University \
             told the paper.",
            &[(Indirect, Some("Ruth Cole"), "Both sides will lose")],
        ),
    ]);
}

#[test]
fn it_after_a_statement_is_not_the_statement_subject() {
    // "..., it noted": the sentence's subject belongs to the statement; "it" is the body
    // that spoke before.
    check(&[(
        "The Trade Board said it had weighed the costs. The European Union, in particular, \
         was tightening its own rules, it noted.",
        &[
            (Indirect, Some("Trade Board"), "it had weighed the costs"),
            (
                Indirect,
                Some("Trade Board"),
                "The European Union, in particular, was tightening its own rules",
            ),
        ],
    )]);
}

#[test]
fn unnamed_voices_speak_for_their_body() {
    check(&[
        // "a company spokesman": the company named before, though it has not spoken.
        (
            "Allegis Corp may file for protection next week, a company spokesman said. \
             The spokesman said talks were going on.",
            &[
                (
                    Indirect,
                    Some("Allegis Corp"),
                    "Allegis Corp may file for protection next week",
                ),
                (Indirect, Some("Allegis Corp"), "talks were going on"),
            ],
        ),
        (
            "The Finance Ministry raised the rate. A senior ministry official said it was needed.",
            &[(Indirect, Some("Finance Ministry"), "it was needed")],
        ),
        // "a spokesman for the company", "an official with the ministry": the body that
        // noun stands for, as "a company spokesman" does.
        (
            "Shares in Ferruzzi SpA fell on Monday. A spokesman for the company said the cut \
             reflected weaker demand.",
            &[(
                Indirect,
                Some("Ferruzzi SpA"),
                "the cut reflected weaker demand",
            )],
        ),
        (
            "The Finance Ministry raised the rate. An official with the ministry said it was \
             needed.",
            &[(Indirect, Some("Finance Ministry"), "it was needed")],
        ),
        // The body named after the role.
        (
            "A spokeswoman for the Electoral Commission said the rules were clear.",
            &[(
                Indirect,
                Some("Electoral Commission"),
                "the rules were clear",
            )],
        ),
        // "a spokesman" with nothing to say whose: the company the text is about.
        (
            "Shares in Ferruzzi SpA rose on Monday. A spokesman said the report was \
             incorrect.",
            &[(Indirect, Some("Ferruzzi SpA"), "the report was incorrect")],
        ),
        // "the union" for a union whose name does not hold the word.
        (
            "The Independent Federation of Flight Attendants said it would authorize a \
             strike. The union said talks had failed.",
            &[
                (
                    Indirect,
                    Some("Independent Federation of Flight Attendants"),
                    "it would authorize a strike",
                ),
                (
                    Indirect,
                    Some("Independent Federation of Flight Attendants"),
                    "talks had failed",
                ),
            ],
        ),
        // A kind of bank, not one named; an office of one's own.
        (
            "Halden Bank Plc cut its rate. A regional bank official said more cuts would come.",
            &[(Indirect, None, "more cuts would come")],
        ),
        (
            "The Cabinet met on Monday. A former cabinet secretary said the plan was rushed.",
            &[(Indirect, None, "the plan was rushed")],
        ),
    ]);
}

#[test]
fn they_is_the_group_the_text_just_spoke_of() {
    check(&[
        // A party named as its members is a group "they" stands for, and the subject of the
        // sentence before is more than the party that spoke before it.
        (
            "Labour says it wants to keep the property tax.\n\nThe Tories have promised a \
             cut for pensioners. They say they can save four billion on waste.\n\nThe \
             Liberal Democrats want to scrap the tax altogether. They say it is the most \
             unfair tax in Britain. The party says it would raise the personal allowance.",
            &[
                (
                    Indirect,
                    Some("Labour"),
                    "it wants to keep the property tax",
                ),
                (Indirect, Some("Tories"), "a cut for pensioners"),
                (
                    Indirect,
                    Some("Tories"),
                    "they can save four billion on waste",
                ),
                (
                    Indirect,
                    Some("Liberal Democrats"),
                    "it is the most unfair tax in Britain",
                ),
                (
                    Indirect,
                    Some("Liberal Democrats"),
                    "it would raise the personal allowance",
                ),
            ],
        ),
        // A party has spokesmen.
        (
            "The Tories insisted they would hold ministers to account. \"The bill will take a \
             decade to come into effect,\" a spokesman said.",
            &[
                (
                    Indirect,
                    Some("Tories"),
                    "they would hold ministers to account",
                ),
                (
                    Direct,
                    Some("Tories"),
                    "The bill will take a decade to come into effect,",
                ),
            ],
        ),
        // Not after a comma ("..., they added" goes on with who spoke), not for an
        // organisation, not for "one of them", and a record is not "it".
        (
            "Traders said the tonnage would be smaller. Last week the European \
             Commission accepted more sugar. This might decide the result, they added.",
            &[
                (Indirect, Some("traders"), "the tonnage would be smaller"),
                (Indirect, Some("traders"), "This might decide the result"),
            ],
        ),
        (
            "Siemens AG said it won a large order. A Siemens statement gave no details. But it \
             said the order doubled its sales in Denmark.",
            &[
                (Indirect, Some("Siemens AG"), "it won a large order"),
                (
                    Indirect,
                    Some("Siemens AG"),
                    "the order doubled its sales in Denmark",
                ),
            ],
        ),
    ]);
}

#[test]
fn chinese_names_written_family_name_first_are_people() {
    check(&[
        // "Liu Dengfeng" is a person though no list knows "Dengfeng", so "he" is him.
        (
            "The approval time has been shortened, said Li Jinju, an official with the drug \
             agency. Admitting that the cut may hurt the industry, Liu Dengfeng of the health \
             commission expressed confidence. The industry has progressed in recent years, he \
             said.",
            &[
                (
                    Indirect,
                    Some("Li Jinju"),
                    "The approval time has been shortened",
                ),
                (
                    Indirect,
                    Some("Liu Dengfeng"),
                    "The industry has progressed in recent years",
                ),
            ],
        ),
        // A family name before a word that is no pinyin is no person's name.
        (
            "Sun Microsystems expects higher sales. Jonathan Schwartz said the new servers \
             would sell well. Demand is strong, he said.",
            &[
                (
                    Indirect,
                    Some("Jonathan Schwartz"),
                    "the new servers would sell well",
                ),
                (Indirect, Some("Jonathan Schwartz"), "Demand is strong"),
            ],
        ),
    ]);
}

#[test]
fn judges_and_described_players_are_the_person_named_before() {
    check(&[
        // "Justice" is a judge's title.
        (
            "Justice Elaine Roy delivered the sentence on Friday. The judge said she had \
             weighed the guilty plea.",
            &[(
                Indirect,
                Some("Elaine Roy"),
                "she had weighed the guilty plea",
            )],
        ),
        // A nationality before the role: the one person of the sentence before.
        (
            "Erik Lindqvist made 31 saves for Sweden.\n\n\"I just try to see the puck,\" \
             the Swedish netminder said.",
            &[(
                Direct,
                Some("Erik Lindqvist"),
                "I just try to see the puck,",
            )],
        ),
    ]);
}

#[test]
fn a_named_person_with_an_employer_speaks() {
    check(&[
        // The employer after "of" is the affiliation, also a lowercase body whose words
        // include a verb that is a cue only with its particle ("fired back").
        (
            "Capt. Marc Gagne of the Trois-Rivieres fire department told The Canadian Press \
             the frame burned quickly.",
            &[(Indirect, Some("Marc Gagne"), "the frame burned quickly")],
        ),
        // A name with its employer inside an aside.
        (
            "Another analyst, Sarah Whitcombe of RBC Dominion Securities, wrote that the \
             closure was expected.",
            &[(
                Indirect,
                Some("Sarah Whitcombe"),
                "the closure was expected",
            )],
        ),
    ]);
}

#[test]
fn pronouns_and_role_mentions_resolve_to_named_people() {
    let body = "Prime Minister Helen Osei arrived on Monday. She said the deal was close.\n\n\
                “We are nearly there,” the prime minister said.\n\n\
                Finance Minister Karl Brandt disagreed. He said more work was needed.";
    assert_eq!(
        found(body),
        [
            q(Indirect, Some("Helen Osei"), "the deal was close"),
            q(Direct, Some("Helen Osei"), "We are nearly there,"),
            q(Indirect, Some("Karl Brandt"), "more work was needed"),
        ]
    );
}

#[test]
fn given_names_tell_a_gender_unless_both_sexes_bear_them() {
    use super::names::{Gender, Register};
    use super::text::Doc;
    let cases = [
        ("Ivanka Trump", Gender::Female),
        ("Angela Merkel", Gender::Female),
        ("Kellyanne Conway", Gender::Female),
        ("Helmut Kohl", Gender::Male),
        ("Lars Nordby", Gender::Male),
        ("Robin Hale", Gender::Unknown),
        // A hyphened given name takes its first part's gender.
        ("Marie-Ève Tremblay", Gender::Female),
        ("Pierre-Luc Gagnon", Gender::Male),
    ];
    for (name, want) in cases {
        let text = format!("{name} spoke on Monday.");
        let doc = Doc::new(&text);
        let reg = Register::build(&doc);
        assert_eq!(reg.people.len(), 1, "{name}");
        assert_eq!(reg.people[0].gender, want, "{name}");
    }
    check(&[(
        "Marie-Ève Tremblay opens the shop at five.\n\n\"People ask if I'm tired,\" she said.",
        &[(
            Direct,
            Some("Marie-Ève Tremblay"),
            "People ask if I'm tired,",
        )],
    )]);
    // Not a company or a name of a single word.
    for text in [
        "Mercedes-Benz said sales rose.",
        "Al-Jazeera Television said so.",
    ] {
        let doc = Doc::new(text);
        assert!(Register::build(&doc).people.is_empty(), "{text}");
    }
}

#[test]
fn a_heading_in_capitals_is_no_part_of_the_name_after_it() {
    check(&[
        (
            "Maurice Obstfeld said tariffs would not help. TRADE, NOT ZERO-SUM GAME Obstfeld, \
             who will retire in December, said the deficit would grow.",
            &[
                (Indirect, Some("Maurice Obstfeld"), "tariffs would not help"),
                (Indirect, Some("Maurice Obstfeld"), "the deficit would grow"),
            ],
        ),
        (
            "HUGE MARKET OPEN TO FISHERY Adolf Gudmundsson, chairman of the vessel owners, said \
             the deal would help.",
            &[(Indirect, Some("Adolf Gudmundsson"), "the deal would help")],
        ),
        (
            "US FDA Commissioner Scott Gottlieb said the rule would stand.",
            &[(Indirect, Some("Scott Gottlieb"), "the rule would stand")],
        ),
    ]);
}

#[test]
fn a_passage_subject_with_a_common_given_name_is_a_person() {
    let body = "Connor Haley scored twice in the win.\n\n\
                “He finds a way,” coach Kris Nolan said of Haley.\n\n\
                Haley played down his game. “It was a team win,” he said.";
    let speakers: Vec<Option<String>> = extract(body).into_iter().map(|a| a.speaker).collect();
    assert_eq!(
        speakers,
        [
            Some("Kris Nolan".to_string()),
            Some("Connor Haley".to_string())
        ]
    );
}

#[test]
fn a_knight_named_by_given_name_is_the_knight_named_before() {
    check(&[(
        "Former prime minister Sir Edward Heath met the Liberal leader.\n\n\
         Sir Edward told the nation he was resigning.",
        &[(Indirect, Some("Edward Heath"), "he was resigning")],
    )]);
}

#[test]
fn a_surname_is_the_person_named_before_not_a_relative_named_later() {
    check(&[(
        "Mathis Lachapelle scored in overtime on Saturday.\n\n\
         \"I just shot it,\" Lachapelle told reporters after the game.\n\n\
         His mother, Josée Lachapelle, posted a video of the goal.",
        &[(Direct, Some("Mathis Lachapelle"), "I just shot it,")],
    )]);
}

#[test]
fn a_peer_named_by_surname_keeps_the_title() {
    check(&[
        (
            "BP chief executive Lord Browne said profits rose. Browne added that prices were \
             high.\n\n\"We are pleased,\" he said.",
            &[
                (Indirect, Some("Lord Browne"), "profits rose"),
                (Indirect, Some("Lord Browne"), "prices were high"),
                (Direct, Some("Lord Browne"), "We are pleased,"),
            ],
        ),
        // A full name written before stays the name; a role after the title is no surname.
        (
            "Sir Robin Butler led the inquiry. Lord Butler said the law was clear.",
            &[(Indirect, Some("Robin Butler"), "the law was clear")],
        ),
        (
            "Lord Chancellor Lord Falconer said the law was clear.",
            &[(Indirect, Some("Lord Falconer"), "the law was clear")],
        ),
    ]);
}

#[test]
fn surnames_and_titles_resolve_to_the_longest_form() {
    let body = "Maria Lopez, the mayor, opened the meeting. Later, Lopez said rents were too high. \
                “We will act,” Ms. Lopez said. Mayor Lopez said the plan was ready.";
    let speakers: Vec<Option<String>> = extract(body).into_iter().map(|a| a.speaker).collect();
    assert_eq!(speakers, vec![Some("Maria Lopez".to_string()); 3]);
}

#[test]
fn organisations_and_countries_speak() {
    check(&[
        (
            "The Commerce Ministry said exports rose in May.",
            &[(Indirect, Some("Commerce Ministry"), "exports rose in May")],
        ),
        (
            "India termed the move “unfair and one-sided.”",
            &[(Mixed, Some("India"), "the move “unfair and one-sided.”")],
        ),
        (
            "The Trade Ministry issued new rules. The ministry said exports rose in May.",
            &[(Indirect, Some("Trade Ministry"), "exports rose in May")],
        ),
        (
            "Moody's Investors Service Inc said it may cut the rating. Moody's said the review \
             would end in May.",
            &[
                (
                    Indirect,
                    Some("Moody's Investors Service Inc"),
                    "it may cut the rating",
                ),
                (
                    Indirect,
                    Some("Moody's Investors Service Inc"),
                    "the review would end in May",
                ),
            ],
        ),
        (
            "Standard and Poor's Corp said it may cut the rating. Standard and Poor's said the \
             review would end in May.",
            &[
                (
                    Indirect,
                    Some("Standard and Poor's Corp"),
                    "it may cut the rating",
                ),
                (
                    Indirect,
                    Some("Standard and Poor's Corp"),
                    "the review would end in May",
                ),
            ],
        ),
        ("Trump's claims about the rating angered voters.", &[]),
        (
            "The Ontario Secondary School Teachers' Federation said talks would resume in May.",
            &[(
                Indirect,
                Some("Ontario Secondary School Teachers' Federation"),
                "talks would resume in May",
            )],
        ),
        (
            "In a news release, the City of Calgary said the arena would open in May.",
            &[(
                Indirect,
                Some("City of Calgary"),
                "the arena would open in May",
            )],
        ),
        (
            "General Motors said the plant would close in May.",
            &[(
                Indirect,
                Some("General Motors"),
                "the plant would close in May",
            )],
        ),
        (
            "Gen. Tommy Franks said the plant would close in May.",
            &[(
                Indirect,
                Some("Tommy Franks"),
                "the plant would close in May",
            )],
        ),
    ]);
}

#[test]
fn unresolvable_sources_give_no_speaker() {
    check(&[
        (
            "He said the deal was close.",
            &[(Indirect, None, "the deal was close")],
        ),
        (
            "“We are nearly there,” the spokesman said.",
            &[(Direct, None, "We are nearly there,")],
        ),
    ]);
}

#[test]
fn short_quotes_are_kept() {
    check(&[(
        "Jean Moreau called the plan “reckless.”",
        &[(Mixed, Some("Jean Moreau"), "the plan “reckless.”")],
    )]);
    check(&[(
        "“No,” Jean Moreau said.",
        &[(Direct, Some("Jean Moreau"), "No,")],
    )]);
}

#[test]
fn negatives_scare_quotes_titles_and_unattributed_quotes() {
    check(&[
        ("The so-called “peace dividend” never came.", &[]),
        ("She starred in “The Long Road Home” last year.", &[]),
        ("He appeared on “Meet the Press” on Sunday.", &[]),
        ("“We will win.” The crowd cheered for an hour.", &[]),
        ("The report was released on Monday.", &[]),
        ("He was told the office was closed.", &[]),
        ("The economy added 180,500 jobs, the most in a year.", &[]),
        ("His tweets attacking the judge drew wide criticism.", &[]),
    ]);
}

#[test]
fn offsets_point_at_the_text() {
    let body = "Intro line.\n\n“We are nearly there,” said Helen Osei. Helen Osei said the deal was close.";
    for a in extract(body) {
        assert_eq!(&body[a.start..a.end], a.text);
    }
}

#[test]
fn regression_run_on_text_keeps_clauses_short() {
    // A text with no sentence ends once made every cue read to its end.
    let body = "He said that the man, who said it, ".repeat(3000);
    let found = extract(&body);
    assert!(!found.is_empty());
    assert!(found.iter().all(|a| a.text.len() < 2000));
}

/// Pieces of news text, glued at random to look for panics and bad offsets.
const PIECES: &[&str] = &[
    "said ",
    "says ",
    "told ",
    "according to ",
    "added, ",
    "Mr. ",
    "Smith ",
    "Jane Doe ",
    "the minister ",
    "he ",
    "she ",
    "they ",
    "who ",
    "that ",
    "and ",
    "but ",
    ", ",
    ". ",
    ": ",
    "\n",
    "\n\n",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    "„",
    "(",
    ")",
    "— ",
    "― ",
    "U.S. ",
    "'90s ",
    "don't ",
    "Xi's ",
    "called ",
    "reporters ",
    "Said ",
    "in a statement, ",
    "42 ",
    "é",
    "ß ",
    "the ",
    "wrote ",
    "asked ",
    "believes ",
];

#[test]
fn more_verb_shapes() {
    check(&[
        (
            "“That is not true,” Ana Ruiz shot back.",
            &[(Direct, Some("Ana Ruiz"), "That is not true,")],
        ),
        (
            "“And we will win,” she went on.",
            &[(Direct, None, "And we will win,")],
        ),
        (
            "The ministry issued a statement saying the talks would resume.",
            &[(Indirect, None, "the talks would resume")],
        ),
        (
            "Ana Ruiz issued a statement saying the talks would resume.",
            &[(Indirect, Some("Ana Ruiz"), "the talks would resume")],
        ),
        (
            "The board put out a notice that said “all flights are cancelled today.”",
            &[(Direct, None, "all flights are cancelled today.")],
        ),
        (
            "Ana Ruiz, however, argues that the rules are too strict.",
            &[(Indirect, Some("Ana Ruiz"), "the rules are too strict")],
        ),
    ]);
}

#[test]
fn source_phrase_details() {
    let cases: &[(&str, &str)] = &[
        // A surname that is also a title keeps the courtesy title it came with.
        ("Mr. King said the rules were clear.", "Mr. King"),
        (
            "Senator John Cornyn of Texas said the rules were clear.",
            "John Cornyn",
        ),
        (
            "Chinese Consul General in New Orleans Zhao Lin said the rules were clear.",
            "Zhao Lin",
        ),
        ("Julie A. Diaz said the rules were clear.", "Julie A. Diaz"),
        (
            "Romney's associates said the rules were clear.",
            "Romney's associates",
        ),
    ];
    for &(body, speaker) in cases {
        let a = extract(body);
        assert_eq!(a.len(), 1, "{body}");
        assert_eq!(a[0].speaker.as_deref(), Some(speaker), "{body}");
    }
}

#[test]
fn datelines_are_not_said() {
    check(&[
        (
            "BEIJING, May 2 (Xinhua) -- Exports rose in April, the ministry said.",
            &[(Indirect, None, "Exports rose in April")],
        ),
        (
            "TOKYO, March 3 - Rice prices hit a record, the farm ministry said.",
            &[(Indirect, None, "Rice prices hit a record")],
        ),
        // A dateline with no date, before a long dash.
        (
            "KAMLOOPS, B.C. \u{2014} Crews are bracing for a windy weekend, officials say.",
            &[(
                Indirect,
                Some("officials"),
                "Crews are bracing for a windy weekend",
            )],
        ),
        (
            "OTTAWA \u{2014} The review will start in May, the minister said.",
            &[(Indirect, None, "The review will start in May")],
        ),
        // A hyphen inside a word is no dateline's dash.
        (
            "U.S.-Japanese talks of this kind are held each spring, an official said.",
            &[(
                Indirect,
                None,
                "U.S.-Japanese talks of this kind are held each spring",
            )],
        ),
    ]);
}

#[test]
fn datelines_do_not_speak() {
    check(&[
        (
            "OTTAWA, May 9 (Sample Wire) - Prime Minister Mark Carney raised duties on Monday, \
             saying the country would defend its farmers.",
            &[(
                Indirect,
                Some("Mark Carney"),
                "the country would defend its farmers",
            )],
        ),
        (
            "WASHINGTON, June 3 (Sample Wire) - President Donald Trump on Tuesday raised duties \
             on steel, saying the mills needed help.",
            &[(Indirect, Some("Donald Trump"), "the mills needed help")],
        ),
        (
            "SEOUL, May 9 - Trade Minister Ahn Duk-geun met envoys, saying talks would go on.",
            &[(Indirect, Some("Ahn Duk-geun"), "talks would go on")],
        ),
    ]);
}

#[test]
fn nouns_spelt_like_speech_verbs_are_not_cues() {
    check(&[
        ("In some states, early voting will begin a month out.", &[]),
        ("Trump's remarks drew a sharp response from the mayor.", &[]),
        ("The Ohio state treasurer is looking into it.", &[]),
        ("In one tweet Friday, he attacked the judge.", &[]),
    ]);
}

#[test]
fn they_and_it_resolve_to_groups_and_organisations() {
    let body = "The Commerce Ministry said exports rose in May. It said imports fell too.

                Democrats said the bill was flawed. They said it would fail.";
    let speakers: Vec<Option<String>> = extract(body).into_iter().map(|a| a.speaker).collect();
    assert_eq!(
        speakers,
        [
            Some("Commerce Ministry".to_string()),
            Some("Commerce Ministry".to_string()),
            Some("Democrats".to_string()),
            Some("Democrats".to_string()),
        ]
    );
}

#[test]
fn regression_verb_after_and_with_no_subject_in_reach() {
    // A coordinated verb whose subject cannot be read gives a quote with no speaker; this
    // once underflowed while resolving the empty source.
    check(&[(
        "and said, “We will see.”",
        &[(Direct, None, "We will see.")],
    )]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_offsets_hold(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        for a in extract(&body) {
            prop_assert!(a.start <= a.end && a.end <= body.len());
            prop_assert!(!a.parts.is_empty());
            for p in &a.parts {
                prop_assert!(p.start <= p.end && p.end <= body.len());
                prop_assert!(body.is_char_boundary(p.start) && body.is_char_boundary(p.end));
            }
            if a.parts.len() == 1 {
                prop_assert_eq!(&body[a.start..a.end], a.text.as_str());
            }
        }
    }
}

#[test]
fn subjects_that_count_people() {
    check(&[
        (
            "Twenty-four percent said the mayor did nothing wrong.",
            &[(
                Indirect,
                Some("Twenty-four percent"),
                "the mayor did nothing wrong",
            )],
        ),
        (
            "About four in 10 said they were angry with the council.",
            &[(
                Indirect,
                Some("About four in 10"),
                "they were angry with the council",
            )],
        ),
        (
            "In the survey, 58 percent of Latino voters said they would stay home.",
            &[(
                Indirect,
                Some("58 percent of Latino voters"),
                "they would stay home",
            )],
        ),
        (
            "Only 47% say the state should raise the levy.",
            &[(
                Indirect,
                Some("Only 47%"),
                "the state should raise the levy",
            )],
        ),
        (
            "Most said they had not decided yet.",
            &[(Indirect, None, "they had not decided yet")],
        ),
        // A number inside an adjunct is no subject.
        ("In one tweet Friday, he attacked the judge.", &[]),
    ]);
}

#[test]
fn subjects_with_modifiers_relatives_and_dash_asides() {
    check(&[
        (
            "People with direct knowledge of the firm's work said the lobbyists were paid abroad.",
            &[(
                Indirect,
                Some("people with direct knowledge of the firm's work"),
                "the lobbyists were paid abroad",
            )],
        ),
        (
            "Executives who have worked with the heir say they assume he shares the views.",
            &[(
                Indirect,
                Some("executives"),
                "they assume he shares the views",
            )],
        ),
        (
            "Many speakers at the service — pastors, rabbis and imams — said the loss was painful.",
            &[(
                Indirect,
                Some("Many speakers at the service"),
                "the loss was painful",
            )],
        ),
        (
            "Security specialists say the leak is a realistic extension of the campaign.",
            &[(
                Indirect,
                Some("Security specialists"),
                "the leak is a realistic extension of the campaign",
            )],
        ),
        (
            "Ruiz, though, said she would stand with the governor.",
            &[(Indirect, Some("Ruiz"), "she would stand with the governor")],
        ),
        (
            "Sen. Mark Rowe, R-Ohio, appearing on television after the speech, said the plan failed.",
            &[(Indirect, Some("Mark Rowe"), "the plan failed")],
        ),
        (
            "The charity hired a firm that prosecutors said was tied to the smuggling ring.",
            &[(
                Indirect,
                Some("prosecutors"),
                "was tied to the smuggling ring",
            )],
        ),
    ]);
}

#[test]
fn described_sources_speak_under_their_description() {
    check(&[
        // An unnamed voice speaks for the body it is named by; a place alone keeps the role.
        (
            "A State Department official said the talks would resume.",
            &[(Indirect, Some("State Department"), "the talks would resume")],
        ),
        // A group with a modifier after its head speaks as that head.
        (
            "Traders in London said prices were firm.",
            &[(Indirect, Some("traders"), "prices were firm")],
        ),
        (
            "A senior Chinese official said the talks would resume.",
            &[(
                Indirect,
                Some("senior Chinese official"),
                "the talks would resume",
            )],
        ),
        (
            "Pagliano's lawyer said his client would not testify.",
            &[(
                Indirect,
                Some("Pagliano's lawyer"),
                "his client would not testify",
            )],
        ),
        (
            "The Indiana governor said the law would stand.",
            &[(Indirect, Some("Indiana governor"), "the law would stand")],
        ),
        // An owner pronoun with nobody in reach says too little.
        (
            "His campaign said the rally would go ahead.",
            &[(Indirect, None, "the rally would go ahead")],
        ),
    ]);
}

#[test]
fn sources_with_an_adjective_after_their_head() {
    check(&[
        (
            "A person familiar with the plan says the talks will focus on jobs first.",
            &[(
                Indirect,
                Some("person familiar with the plan"),
                "the talks will focus on jobs first",
            )],
        ),
        (
            "Donors close to her campaign say she stands firmly behind the bill.",
            &[(
                Indirect,
                Some("donors close to her campaign"),
                "she stands firmly behind the bill",
            )],
        ),
        // Without an adjective before the preposition the noun before the verb is its
        // subject ("the plan says"), and a plain noun says nothing.
        ("The plan says the state will pay for the road.", &[]),
        // "close" as a verb is no modifier.
        ("Shops close to the river say nothing about prices.", &[]),
    ]);
}

#[test]
fn a_second_cue_in_the_clause_ends_the_first_content() {
    check(&[
        (
            "Ruiz praised the new port and accused the council of wasting money on roads.",
            &[
                (Indirect, Some("Ruiz"), "the new port"),
                (
                    Indirect,
                    Some("Ruiz"),
                    "the council of wasting money on roads",
                ),
            ],
        ),
        (
            "Ana Ruiz said the deal was fair, while also suggesting that the duties would stay.",
            &[
                (Indirect, Some("Ana Ruiz"), "the deal was fair"),
                (Indirect, Some("Ana Ruiz"), "the duties would stay"),
            ],
        ),
        // A verb of judging after a comma, with no "and", is part of the clause.
        (
            "Ruiz said the port, praised by many, was too small.",
            &[(
                Indirect,
                Some("Ruiz"),
                "the port, praised by many, was too small",
            )],
        ),
        // "while" with a plain participle is no new cue.
        (
            "Ruiz said the council met while waiting for the vote.",
            &[(
                Indirect,
                Some("Ruiz"),
                "the council met while waiting for the vote",
            )],
        ),
    ]);
}

#[test]
fn a_record_after_the_clause_it_reports() {
    check(&[
        (
            "Turnout fell sharply in the north, the survey found.",
            &[(Indirect, None, "Turnout fell sharply in the north")],
        ),
        (
            "A federal judge ruled that the law can stand.",
            &[(Indirect, None, "the law can stand")],
        ),
        // People after the clause need quote marks for a thinking verb.
        ("Turnout fell sharply in the north, they found.", &[]),
        // "ruled" in its sense of governing.
        ("The king ruled the country for thirty years.", &[]),
        ("The mayor has ruled the city since 2010.", &[]),
    ]);
}

#[test]
fn seeing_something_as_something() {
    check(&[
        (
            "Investors view the deal as a sign of strength.",
            &[(
                Indirect,
                Some("investors"),
                "the deal as a sign of strength",
            )],
        ),
        (
            "Ana Ruiz sees the new port as a threat to fishing towns.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "the new port as a threat to fishing towns",
            )],
        ),
        // Seeing without "as", and "as" in a comparison, are no judgement.
        ("Ruiz saw the film on Sunday with her sister.", &[]),
        (
            "The top earners would see their incomes rise by as much as 20 percent.",
            &[],
        ),
        ("Voters saw rivals such as the mayor drop out.", &[]),
    ]);
}

#[test]
fn questions_put_and_requests_made() {
    check(&[
        (
            "Rubin asked the students if they were always so serious.",
            &[(Indirect, Some("Rubin"), "if they were always so serious")],
        ),
        (
            "Elias has asked the high court to intervene in the case.",
            &[(Indirect, Some("Elias"), "to intervene in the case")],
        ),
        (
            "The actress was asked if she had ever been treated unfairly at work.",
            &[(
                Indirect,
                None,
                "if she had ever been treated unfairly at work",
            )],
        ),
        (
            "Ramos seemed uneasy when asked about his daughter's work for the rival campaign.",
            &[(Indirect, None, "his daughter's work for the rival campaign")],
        ),
        // Asked for nothing said.
        ("He asked the waiter.", &[]),
    ]);
}

#[test]
fn promises_and_threats_take_a_to_clause() {
    check(&[
        (
            "Ana Ruiz vowed to repeal the parking levy in her first month.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "to repeal the parking levy in her first month",
            )],
        ),
        (
            "The governor has pledged to veto any bill that raises the fuel tax.",
            &[(Indirect, None, "to veto any bill that raises the fuel tax")],
        ),
        (
            "Mr. Okafor threatened on Monday to pull his party out of the coalition.",
            &[(
                Indirect,
                Some("Okafor"),
                "to pull his party out of the coalition",
            )],
        ),
        // What was urged keeps whom it was urged on.
        (
            "The union leader urged members to reject the offer from the board.",
            &[(Indirect, None, "members to reject the offer from the board")],
        ),
        (
            "Ruiz spoke for an hour, promising to cut waiting times at the clinics.",
            &[(
                Indirect,
                Some("Ruiz"),
                "to cut waiting times at the clinics",
            )],
        ),
        // Whom a promise is made to, a loose sense with no speaker, a threat with no clause.
        ("Ruiz pledged to the voters of the district.", &[]),
        (
            "The weather promised to be fine for the parade on Sunday.",
            &[],
        ),
        (
            "The storm threatened the harvest in the eastern valleys.",
            &[],
        ),
        ("The strike threatens to close the port for a week.", &[]),
    ]);
}

#[test]
fn time_phrases_counts_and_plural_nouns_before_say() {
    check(&[
        (
            "Ruiz at the time said he would cover the fines himself.",
            &[(Indirect, Some("Ruiz"), "he would cover the fines himself")],
        ),
        (
            "Mr. Okafor last month argued the levy had hurt small shops.",
            &[(Indirect, Some("Okafor"), "the levy had hurt small shops")],
        ),
        (
            "Police said about 40 families were moved out overnight.",
            &[(
                Indirect,
                Some("police"),
                "about 40 families were moved out overnight",
            )],
        ),
        (
            "Critics say the new rules would slow down small builders.",
            &[(
                Indirect,
                Some("critics"),
                "the new rules would slow down small builders",
            )],
        ),
        (
            "The Danes say they will not sign the fishing treaty.",
            &[(
                Indirect,
                Some("Danes"),
                "they will not sign the fishing treaty",
            )],
        ),
        // A count with no clause after it, a time phrase with no speech verb.
        ("The region added about 12,000 jobs in March.", &[]),
        ("Ruiz at the time worked for a bank in the north.", &[]),
    ]);
}

#[test]
fn thinking_verbs_take_a_whole_clause_without_that() {
    check(&[
        (
            "Ana Ruiz thinks the plan will pass before the summer.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "the plan will pass before the summer",
            )],
        ),
        (
            "Some party officials privately believe the senator could lose her seat.",
            &[(
                Indirect,
                Some("Some party officials"),
                "the senator could lose her seat",
            )],
        ),
        // No helper verb, a preposition, an object pronoun, or a source that cannot speak.
        ("Ruiz believes this plan helps small farms.", &[]),
        ("Ruiz believes in the plan for small farms.", &[]),
        ("Ruiz expects them to vote for the plan.", &[]),
        ("The market expects the bank will cut rates.", &[]),
    ]);
}

#[test]
fn a_day_after_an_inverted_name_is_no_part_of_it() {
    check(&[
        (
            "Talks stalled. \"You are trying to sacrifice our relations over one man,\" said \
             Erdogan Sunday.",
            &[(
                Direct,
                Some("Erdogan"),
                "You are trying to sacrifice our relations over one man,",
            )],
        ),
        (
            "Talks stalled. \"We will fight back firmly against the tariffs,\" said Gao Feng \
             Thursday.",
            &[(
                Direct,
                Some("Gao Feng"),
                "We will fight back firmly against the tariffs,",
            )],
        ),
        // A surname that is also a time word stays a name.
        (
            "Talks stalled. \"The platform says you are not welcome here,\" said Kristen Day.",
            &[(
                Direct,
                Some("Kristen Day"),
                "The platform says you are not welcome here,",
            )],
        ),
    ]);
}

#[test]
fn a_company_goes_by_the_name_it_was_given_with_its_suffix() {
    check(&[
        (
            "Shares rose. Tarvex Corp said it sold its paper unit to a rival group. Tarvex said the \
             sale would close in May.",
            &[
                (
                    Indirect,
                    Some("Tarvex Corp"),
                    "it sold its paper unit to a rival group",
                ),
                (Indirect, Some("Tarvex Corp"), "the sale would close in May"),
            ],
        ),
        (
            "Shares rose. Dunmore Co Ltd said profits rose. Dunmore said it would buy back shares.",
            &[
                (Indirect, Some("Dunmore Co Ltd"), "profits rose"),
                (Indirect, Some("Dunmore Co Ltd"), "it would buy back shares"),
            ],
        ),
        // A name inside a longer company name is not that company.
        (
            "Shares rose. Rohm and Haas Co said sales rose. Haas said it would hire more staff.",
            &[
                (Indirect, Some("Haas Co"), "sales rose"),
                (Indirect, Some("Haas"), "it would hire more staff"),
            ],
        ),
        // A person keeps the name.
        (
            "Shares rose. Ford Motor Co said sales rose. Henry Ford said he was pleased with the results.",
            &[
                (Indirect, Some("Ford Motor Co"), "sales rose"),
                (
                    Indirect,
                    Some("Henry Ford"),
                    "he was pleased with the results",
                ),
            ],
        ),
    ]);
}

#[test]
fn a_record_speaks_for_its_one_word_owner() {
    check(&[
        // The owner is written as a name inside a sentence.
        (
            "Shares rose. A Carvell report said profits would fall this year.",
            &[(Indirect, Some("Carvell"), "profits would fall this year")],
        ),
        (
            "Prices fell in May, the Linwood survey found. Linwood has tracked prices since 1983.",
            &[(Indirect, Some("Linwood"), "Prices fell in May")],
        ),
        (
            "Shares of Dravo rose. Dravo's annual report said its reserves fell to 7 mln barrels.",
            &[(
                Indirect,
                Some("Dravo"),
                "its reserves fell to 7 mln barrels",
            )],
        ),
        // A word capitalised only for opening its sentence, a modifier or a place owns
        // nothing.
        (
            "Official figures showed that exports rose by 4% in March.",
            &[(
                Indirect,
                Some("Official figures"),
                "exports rose by 4% in March",
            )],
        ),
        (
            "The figures came late. The Congressional report said growth would slow.",
            &[(Indirect, Some("Congressional report"), "growth would slow")],
        ),
        (
            "Voters are split. The Iowa poll found that most voters want change.",
            &[(Indirect, Some("Iowa poll"), "most voters want change")],
        ),
    ]);
}

#[test]
fn records_show_and_find_without_that() {
    check(&[
        (
            "A new poll shows Smith leading the race by five points.",
            &[(Indirect, None, "Smith leading the race by five points")],
        ),
        (
            "The Marist College poll released Thursday found voters split on the question.",
            &[(
                Indirect,
                Some("Marist College"),
                "voters split on the question",
            )],
        ),
        (
            "The data suggest turnout will be low in the fall.",
            &[(Indirect, None, "turnout will be low in the fall")],
        ),
        // A bare record noun opening its clause, singular or not.
        (
            "Exit polling showed that older women turned out in force for the governor.",
            &[(
                Indirect,
                Some("Exit polling"),
                "older women turned out in force for the governor",
            )],
        ),
        (
            "Recent polling shows that her rating among older workers has fallen.",
            &[(
                Indirect,
                Some("Recent polling"),
                "her rating among older workers has fallen",
            )],
        ),
        (
            "Security footage shows that two men entered the office after midnight.",
            &[(
                Indirect,
                Some("Security footage"),
                "two men entered the office after midnight",
            )],
        ),
        // People find things; only records show them without "that".
        ("He found the keys under the seat of the car.", &[]),
        // A plain noun opening its clause is no record.
        ("Heavy rain shows no sign of easing this week.", &[]),
        ("Early voting found the lines short at most sites.", &[]),
    ]);
}

#[test]
fn participles_take_the_subject_of_their_clause() {
    check(&[
        (
            "Ruiz continued to question the mayor's temperament, saying the mayor could not make deals.",
            &[(Indirect, Some("Ruiz"), "the mayor could not make deals")],
        ),
        (
            "Mr. Ruiz, in an interview on Friday, barely dwelled on his rivals, saying that he was looking ahead.",
            &[(Indirect, Some("Ruiz"), "he was looking ahead")],
        ),
        (
            "One employee at a software firm declined to speak on the record, saying it would hurt his career.",
            &[(
                Indirect,
                Some("One employee at a software firm"),
                "it would hurt his career",
            )],
        ),
        (
            "Ana Ruiz flipped her pick on the spot – saying she now backed the underdog.",
            &[(Indirect, Some("Ana Ruiz"), "she now backed the underdog")],
        ),
        (
            "But a few weeks later, Ruiz changed course again, telling a radio host that the levy would stay.",
            &[(Indirect, Some("Ruiz"), "the levy would stay")],
        ),
        // A clause opened by "when" or "after" is an adjunct: the subject comes after it.
        (
            "When Tom Baker died, Ana Ruiz led the tributes, saying the presenter was a giant.",
            &[(Indirect, Some("Ana Ruiz"), "the presenter was a giant")],
        ),
        (
            "After the vote, Ana Ruiz left the chamber, saying the bill was dead.",
            &[(Indirect, Some("Ana Ruiz"), "the bill was dead")],
        ),
        // A time phrase and a clause with no speech in it.
        ("A few weeks later, Ruiz changed course again.", &[]),
    ]);
}

#[test]
fn asides_with_quotes_labels_and_plain_heads() {
    check(&[
        (
            "Mr. Manafort, citing “the unique magic of the campaign,” said the candidate could win Ohio.",
            &[(Indirect, Some("Manafort"), "the candidate could win Ohio")],
        ),
        (
            "Sen. Marco Reyes, R-Fla., appearing on television, said the president failed to act.",
            &[(Indirect, Some("Marco Reyes"), "the president failed to act")],
        ),
        (
            "One attendee, who like others spoke on the condition of anonymity, said the race would be long.",
            &[(Indirect, None, "the race would be long")],
        ),
        (
            "Caucus-goers were slightly more likely to say they preferred the governor.",
            &[(
                Indirect,
                Some("Caucus-goers"),
                "they preferred the governor",
            )],
        ),
        // After a modifier, a cue's "-s" form is a noun.
        (
            "Moments earlier, in his opening remarks, Ruiz said he was suited for the job.",
            &[(Indirect, Some("Ruiz"), "he was suited for the job")],
        ),
        (
            "At one point, Ruiz said the executives were calling every hour.",
            &[(
                Indirect,
                Some("Ruiz"),
                "the executives were calling every hour",
            )],
        ),
    ]);
}

#[test]
fn a_long_body_is_read_in_parts_cut_at_paragraphs_with_offsets_into_the_whole() {
    let para = "\"We will keep the duties in place,\" Lutnick said on Monday.\n\n";
    let filler = "Markets were calm and traders waited for the next round of talks.\n\n";
    let mut body = String::new();
    body.push_str("Commerce Secretary Howard Lutnick spoke to reporters.\n\n");
    body.push_str(para);
    while body.len() < 3 * super::PART_BYTES {
        body.push_str(filler);
    }
    body.push_str("Trade Representative Jamieson Greer met his counterpart.\n\n");
    body.push_str("\"The talks went well,\" Greer said.");
    let parts = super::parts(&body);
    assert!(parts.len() >= 3, "{parts:?}");
    for w in parts.windows(2) {
        assert_eq!(w[0].end, w[1].start);
        assert!(body[..w[0].end].ends_with("\n\n"));
    }
    assert_eq!(parts.last().unwrap().end, body.len());
    let super::Analysis {
        attributions: quotes,
        people,
        cut,
        ..
    } = super::analyse(&body);
    assert!(!cut);
    let texts: Vec<(&str, Option<&str>)> = quotes
        .iter()
        .map(|a| (a.text.as_str(), a.speaker.as_deref()))
        .collect();
    assert_eq!(
        texts,
        [
            ("We will keep the duties in place,", Some("Howard Lutnick")),
            ("The talks went well,", Some("Jamieson Greer")),
        ]
    );
    for a in &quotes {
        assert!(body[a.start..a.end].contains(a.text.trim_end_matches(',')));
        for r in &a.parts {
            assert!(a.text.contains(&body[r.clone()]));
        }
    }
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Howard Lutnick", "Jamieson Greer"]);
}

#[test]
fn a_long_body_without_breaks_is_cut_at_spaces_and_characters() {
    let body = "é ".repeat(super::PART_BYTES);
    let parts = super::parts(&body);
    assert!(parts.len() >= 3);
    assert!(parts.iter().all(|r| body.is_char_boundary(r.start)));
    let unbroken = "é".repeat(super::PART_BYTES);
    let parts = super::parts(&unbroken);
    assert_eq!(parts.len(), 2);
    assert!(parts.iter().all(|r| unbroken.is_char_boundary(r.end)));
}

#[test]
fn an_article_keeps_at_most_max_quotes_and_says_it_cut() {
    let para = "\"We expect a deal,\" a spokesperson told reporters.\n\n";
    let body = para.repeat(super::MAX_QUOTES + 10);
    let analysis = super::analyse(&body);
    assert!(analysis.cut);
    assert_eq!(analysis.attributions.len(), super::MAX_QUOTES);
    let short = super::analyse(&para.repeat(3));
    assert!(!short.cut);
    assert_eq!(short.attributions.len(), 3);
}

#[test]
fn unnamed_groups_speak_under_their_head_noun() {
    check(&[
        (
            "Officials said the road would reopen on Monday.",
            &[(
                Indirect,
                Some("officials"),
                "the road would reopen on Monday",
            )],
        ),
        (
            "Authorities said the ferry would sail again.",
            &[(Indirect, Some("authorities"), "the ferry would sail again")],
        ),
        (
            "Federal and county officials said the blaze was under control.",
            &[(
                Indirect,
                Some("Federal and county officials"),
                "the blaze was under control",
            )],
        ),
        (
            "On Friday the delegates said the count was unfair.",
            &[(Indirect, Some("delegates"), "the count was unfair")],
        ),
        // An owner pronoun goes to its person when one is in reach, else it is dropped.
        (
            "Maria Lind toured the plant on Monday. Her aides said the visit would be short.",
            &[(
                Indirect,
                Some("Maria Lind's aides"),
                "the visit would be short",
            )],
        ),
        (
            "His advisers said the speech was rewritten.",
            &[(Indirect, Some("advisers"), "the speech was rewritten")],
        ),
        // Vague heads and unresolved pronouns name no one.
        (
            "Some said the count was unfair.",
            &[(Indirect, None, "the count was unfair")],
        ),
        (
            "Others said the count was unfair.",
            &[(Indirect, None, "the count was unfair")],
        ),
        (
            "Few people said the count was unfair.",
            &[(Indirect, None, "the count was unfair")],
        ),
        (
            "Sources said the count was unfair.",
            &[(Indirect, None, "the count was unfair")],
        ),
        (
            "They said the count was unfair.",
            &[(Indirect, None, "the count was unfair")],
        ),
    ]);
}

#[test]
fn organisation_names_go_on_over_links() {
    check(&[
        (
            "The Commission on Public Broadcasting said the debate would go ahead.",
            &[(
                Indirect,
                Some("Commission on Public Broadcasting"),
                "the debate would go ahead",
            )],
        ),
        (
            "The Committee for a Balanced State Budget said the plan would add to the deficit.",
            &[(
                Indirect,
                Some("Committee for a Balanced State Budget"),
                "the plan would add to the deficit",
            )],
        ),
        (
            "The Alliance to Rebuild Schools said the cuts would hurt children.",
            &[(
                Indirect,
                Some("Alliance to Rebuild Schools"),
                "the cuts would hurt children",
            )],
        ),
        (
            "According to the Lister Center for Survey Research, the donors gave $40 million.",
            &[(
                Indirect,
                Some("Lister Center for Survey Research"),
                "the donors gave $40 million",
            )],
        ),
        // A day after the link is not part of the name; nor does a name that is not an
        // organisation's go on. An office word alone, with no name given for it, is no
        // speaker.
        (
            "The Commission on Monday said the debate would go ahead.",
            &[(Indirect, None, "the debate would go ahead")],
        ),
        (
            "He wrote to Ana Ruiz on Tuesday. Ruiz said the debate would go ahead.",
            &[(Indirect, Some("Ana Ruiz"), "the debate would go ahead")],
        ),
        // A date between subject and verb, written with a month's abbreviation or in full;
        // it is no affiliation.
        (
            "Prime Minister Ana Ruiz on Jan. 12 said the debate would go ahead.",
            &[(Indirect, Some("Ana Ruiz"), "the debate would go ahead")],
        ),
        (
            "Ana Ruiz on 12 January said the debate would go ahead.",
            &[(Indirect, Some("Ana Ruiz"), "the debate would go ahead")],
        ),
        // A number with no month or day name is no date.
        ("The vote on 12 said the debate would go ahead.", &[]),
    ]);
}

#[test]
fn party_words_of_a_role_mention_agree_with_the_person() {
    check(&[
        (
            "Republican nominee Tom Berg spoke in Iowa. The Republican nominee said the plan would fail.",
            &[(Indirect, Some("Tom Berg"), "the plan would fail")],
        ),
        (
            "Republican nominee Tom Berg spoke in Iowa. The Democratic nominee said the plan would fail.",
            &[(Indirect, Some("Democratic nominee"), "the plan would fail")],
        ),
        (
            "Democratic nominee Maria Lind spoke in Iowa. Republican nominee Tom Berg spoke in Ohio. The Democratic nominee said the plan would fail.",
            &[(Indirect, Some("Maria Lind"), "the plan would fail")],
        ),
        // Nothing said of the party: the role alone decides.
        (
            "Nominee Tom Berg spoke in Iowa. The Republican nominee said the plan would fail.",
            &[(Indirect, Some("Tom Berg"), "the plan would fail")],
        ),
    ]);
}

#[test]
fn hometowns_and_plural_heads_are_not_sources() {
    check(&[
        // A hometown aside: the person before it speaks.
        (
            "Anna Ruiz, of Dayton, Ohio, said she would vote for the governor.",
            &[(
                Indirect,
                Some("Anna Ruiz"),
                "she would vote for the governor",
            )],
        ),
        (
            "Tom Berg, of Flint, said the plant would close.",
            &[(Indirect, Some("Tom Berg"), "the plant would close")],
        ),
        // The head of the union in the aside is a role, not a hometown.
        (
            "Ana Ruiz, head of the union, said the strike would go on.",
            &[(Indirect, Some("Ana Ruiz"), "the strike would go on")],
        ),
        // A plural noun after an adjective, a number or before "of" heads the subject.
        (
            "Last week, two Republican aides-turned-writers urged him to stop, arguing that it hurt the party.",
            &[
                (
                    Indirect,
                    Some("two Republican aides-turned-writers"),
                    "him to stop",
                ),
                (
                    Indirect,
                    Some("two Republican aides-turned-writers"),
                    "it hurt the party",
                ),
            ],
        ),
        (
            "Small groups of marchers kept asking for the footage, chanting, \"Show us the tape.\"",
            &[(
                Direct,
                Some("Small groups of marchers"),
                "Show us the tape.",
            )],
        ),
        // A verb after a name stays a verb.
        (
            "Ruiz wants a recount, arguing that the count was unfair.",
            &[(Indirect, Some("Ruiz"), "the count was unfair")],
        ),
    ]);
}

#[test]
fn a_participle_follows_the_speech_verb_before_it() {
    check(&[
        (
            "Tom Kemper met her in 2012. The country \"has changed a lot,\" Kemper said in May 2014, citing the release of prisoners.",
            &[
                (
                    Mixed,
                    Some("Tom Kemper"),
                    "The country \"has changed a lot,\"",
                ),
                (Indirect, Some("Tom Kemper"), "the release of prisoners"),
            ],
        ),
        // With no speech verb before it, the participle takes the clause's subject.
        (
            "Ana Ruiz spoke on Monday, saying the budget was tight.",
            &[(Indirect, Some("Ana Ruiz"), "the budget was tight")],
        ),
    ]);
}

#[test]
fn source_phrases_after_according_to_run_to_their_head() {
    check(&[
        (
            "Half of his advice is unproven, according to the leading British science journal.",
            &[(
                Indirect,
                Some("leading British science journal"),
                "Half of his advice is unproven",
            )],
        ),
        (
            "According to liberal talk radio host Ana Ruiz, the plan shows panic.",
            &[(Indirect, Some("Ana Ruiz"), "the plan shows panic")],
        ),
        // A verb after an organisation's name is not part of its phrase.
        (
            "A spokeswoman for the Senate Budget Committee emailed reporters the text, arguing that the law says nothing of the kind.",
            &[(
                Indirect,
                Some("Senate Budget Committee"),
                "the law says nothing of the kind",
            )],
        ),
        (
            "He told a meeting of island leaders that few people understood the stakes.",
            &[(Indirect, None, "few people understood the stakes")],
        ),
    ]);
}

#[test]
fn they_and_it_take_an_organisation_opening_their_sentence() {
    check(&[
        (
            "Ruiz's campaign is trying to set her plan against what they call the mayor's \"selfish message.\"",
            &[(
                Mixed,
                Some("Ruiz's campaign"),
                "the mayor's \"selfish message.\"",
            )],
        ),
        (
            "The Harbor Authority is reviewing the deal, which it said would cost too much.",
            &[(Indirect, Some("Harbor Authority"), "would cost too much")],
        ),
        // A person or a document opening the sentence is not "they".
        (
            "The report is long, and they said it was fair.",
            &[(Indirect, None, "it was fair")],
        ),
    ]);
}

#[test]
fn it_takes_a_lone_company_name_that_spoke() {
    check(&[
        // A one-word company that spoke is "it" in the next sentence.
        (
            "Orders fell in the spring, Volvex said. It said in a statement that it would cut 300 jobs.",
            &[
                (Indirect, Some("Volvex"), "Orders fell in the spring"),
                (Indirect, Some("Volvex"), "it would cut 300 jobs"),
            ],
        ),
        (
            "Growth will slow, Brennick has warned. It also believes that rates will fall to 4% by June.",
            &[
                (Indirect, Some("Brennick"), "Growth will slow"),
                (Indirect, Some("Brennick"), "rates will fall to 4% by June"),
            ],
        ),
        // A name of a shape no common word has stands even when it only opens sentences.
        (
            "TelCorp said it would sell its cable unit. It said the sale would close in May.",
            &[
                (Indirect, Some("TelCorp"), "it would sell its cable unit"),
                (Indirect, Some("TelCorp"), "the sale would close in May"),
            ],
        ),
        // An organisation named in full that spoke before stays the one "it" stands for.
        (
            "The Harbor Authority said fees would rise. Costs are up, Volvex said. \
             It said the rise was needed.",
            &[
                (Indirect, Some("Harbor Authority"), "fees would rise"),
                (Indirect, Some("Volvex"), "Costs are up"),
                (Indirect, Some("Harbor Authority"), "the rise was needed"),
            ],
        ),
    ]);
    // A plain word capitalised only for opening its sentence is no company; a plural is no
    // "it"; "they" does not stand for a lone company name.
    let speakers = |body: &str| -> Vec<Option<String>> {
        extract(body).into_iter().map(|a| a.speaker).collect()
    };
    assert_eq!(
        speakers("Gold said nothing new. It said prices would rise.")[1],
        None
    );
    assert_eq!(
        speakers("MPs said the bill was flawed. It said the report was late.")[1],
        None
    );
    assert_eq!(
        speakers("Costs are up, Volvex said. They said the rise was needed.")[1],
        None
    );
}

#[test]
fn a_given_name_set_off_after_a_family_word_is_a_person() {
    let speakers = |body: &str| -> Vec<Option<String>> {
        extract(body).into_iter().map(|a| a.speaker).collect()
    };
    // "Her husband, Luc," is a person "he" can stand for, though only his given name is
    // written.
    assert_eq!(
        speakers(
            "\"This mill was the town,\" says Marie Tremblay.\n\n\
             Her husband, Luc, still works at the hardware store. He says the family has cut \
             back on everything."
        ),
        [Some("Marie Tremblay".to_string()), Some("Luc".to_string())]
    );
    // A name that is no given name is no such person.
    assert_eq!(
        speakers(
            "\"It is hard,\" says Paul Roy. His employer, Norfibre, is hiring. He says 40 \
             jobs are open."
        ),
        [Some("Paul Roy".to_string()), Some("Paul Roy".to_string())]
    );
}

#[test]
fn a_person_titled_after_an_organisation_is_the_speaker() {
    check(&[
        // After the verb, an organisation's name runs on into a title and a name.
        (
            "\"The rules are too loose,\" said University of Guelph law professor Mark Tessier.",
            &[(Direct, Some("Mark Tessier"), "The rules are too loose,")],
        ),
        (
            "\"The rules are too loose,\" said University of Guelph President Jane Doyle.",
            &[(Direct, Some("Jane Doyle"), "The rules are too loose,")],
        ),
        // A title before a full name at the end names the person, whatever "of" joins.
        (
            "Chamber of Commerce president Perrin Beatty says the tariffs will hurt.",
            &[(Indirect, Some("Perrin Beatty"), "the tariffs will hurt")],
        ),
        (
            "Unlike most film-makers, Return of the Mummy director Mel Gibbons said he would \
             not campaign for an award.",
            &[(
                Indirect,
                Some("Mel Gibbons"),
                "he would not campaign for an award",
            )],
        ),
        // The organisation alone stands, with a day after it.
        (
            "\"We will see,\" said the Bank of Canada on Monday.",
            &[(Direct, Some("Bank of Canada"), "We will see,")],
        ),
        // A person named before "of" stays the speaker.
        (
            "\"A map is a working document,\" explains Herbert Hansen of its Belgian partner \
             Keyobs.",
            &[(
                Direct,
                Some("Herbert Hansen"),
                "A map is a working document,",
            )],
        ),
    ]);
}

#[test]
fn a_common_word_capitalised_for_opening_its_sentence_is_no_speaker() {
    let speakers = |body: &str| -> Vec<Option<String>> {
        extract(body).into_iter().map(|a| a.speaker).collect()
    };
    // "History" is written in small letters elsewhere and never capitalised inside a
    // sentence; "Currently" is an adverb; neither is a name, nor a company for "the firm".
    let body = "The pact between Chile and Peru is the first in the history of the two \
                states, Foreign Minister Ana Ruiz told reporters in Lima on Monday.\n\n\
                History has shown that a trade war produces no winners.\n\n\
                Originally, the firm said its sales would double.\n\n\
                Currently says the talks in Lima will end on Friday.";
    assert_eq!(
        speakers(body),
        [Some("Ana Ruiz".to_string()), None, None, None]
    );
    // Names stand: a surname in "-ly" or "-ing", a plural that speaks as a group,
    // "Everyone", and a word the text also capitalises inside a sentence.
    let body = "Dealers in London said prices were firm. Kelly said the shop would stay \
                open, and Rowling said she had finished the book. Dealers said prices \
                would rise. Everyone says the plan is late. Growth will slow, analysts at \
                Sterling said. Sterling said rates would fall.";
    assert_eq!(
        speakers(body),
        [
            "Dealers", "Kelly", "Rowling", "Dealers", "Everyone", "analysts", "Sterling"
        ]
        .map(|s| Some(s.to_string()))
    );
}

#[test]
fn the_statement_speaks_for_whoever_issued_it() {
    let speakers = |body: &str| -> Vec<Option<String>> {
        extract(body).into_iter().map(|a| a.speaker).collect()
    };
    // The statement an earlier speaker gave.
    assert_eq!(
        speakers(
            "In a statement, Harbor Rovers said it would open its books. \
             \"The board still thinks the plan is too risky,\" the statement said."
        ),
        [
            Some("Harbor Rovers".to_string()),
            Some("Harbor Rovers".to_string())
        ]
    );
    // No statement named before: no speaker.
    assert_eq!(
        speakers(
            "Harbor Rovers said it would open its books. \
             \"The board still thinks the plan is too risky,\" the statement said."
        ),
        [Some("Harbor Rovers".to_string()), None]
    );
}

#[test]
fn an_owned_role_speaks_as_its_owners() {
    check(&[
        (
            "Tom Berg spoke in Ohio. His ex-wife said he was unfair.",
            &[(Indirect, Some("Tom Berg's ex-wife"), "he was unfair")],
        ),
        (
            "Maria Lind lost the case. Her lawyer said the ruling was wrong.",
            &[(
                Indirect,
                Some("Maria Lind's lawyer"),
                "the ruling was wrong",
            )],
        ),
        // No owner in reach, or no owner at all: no speaker.
        (
            "His lawyer said the ruling was wrong.",
            &[(Indirect, None, "the ruling was wrong")],
        ),
        (
            "The spokesman said the ruling was wrong.",
            &[(Indirect, None, "the ruling was wrong")],
        ),
    ]);
}

#[test]
fn records_from_a_named_origin_keep_the_origin() {
    check(&[
        (
            "Figures from the 2015 Housing Survey show that renters paid a third of their income.",
            &[(
                Indirect,
                Some("Figures from the 2015 Housing Survey"),
                "renters paid a third of their income",
            )],
        ),
        // A time or a place after the record is not its origin.
        (
            "A Harbor Institute poll in June found that 70 percent of voters were worried.",
            &[(
                Indirect,
                Some("Harbor Institute"),
                "70 percent of voters were worried",
            )],
        ),
    ]);
}

#[test]
fn what_a_source_points_to() {
    check(&[
        (
            "In an interview, Ana Ruiz pointed to the governor's recent support for the bill.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "the governor's recent support for the bill",
            )],
        ),
        (
            "Union leaders point to a string of plant closings across the region.",
            &[(
                Indirect,
                Some("Union leaders"),
                "a string of plant closings across the region",
            )],
        ),
        (
            "Ruiz stood by the plan, pointing to the drop in crime over the past year.",
            &[(
                Indirect,
                Some("Ruiz"),
                "the drop in crime over the past year",
            )],
        ),
        // A thing that points names no speech.
        (
            "The arrow on the map points to the old harbour district.",
            &[],
        ),
        ("The compass needle pointed to the north all night.", &[]),
    ]);
}

#[test]
fn thinking_verbs_take_a_clause_with_a_bare_subject() {
    check(&[
        (
            "Many economists believe lasting relief is possible only through the courts.",
            &[(
                Indirect,
                Some("Many economists"),
                "lasting relief is possible only through the courts",
            )],
        ),
        (
            "Ruiz thinks younger voters will stay home in November.",
            &[(
                Indirect,
                Some("Ruiz"),
                "younger voters will stay home in November",
            )],
        ),
        // No helper verb, or a preposition first: no clause.
        (
            "Ruiz knows rural voters better than anyone in the state.",
            &[],
        ),
        ("Ruiz felt sick after the long dinner was over.", &[]),
    ]);
}

#[test]
fn records_with_a_modifier_after_their_head() {
    check(&[
        (
            "Campaign filings from the last election cycle show she gave to both parties.",
            &[(
                Indirect,
                Some("Campaign filings from the last election cycle"),
                "she gave to both parties",
            )],
        ),
        (
            "A video of the rally shows him pushing past the barricade.",
            &[(
                Indirect,
                Some("video of the rally"),
                "him pushing past the barricade",
            )],
        ),
        // A person with a modifier is no record; a record needs something it shows.
        ("Campaign filings from the last election cycle show.", &[]),
        ("A friend of the family found the dog near the river.", &[]),
    ]);
}

/// (text, cue, negated) of every attribution in `body`.
fn cues(body: &str) -> Vec<(String, Option<String>, bool)> {
    extract(body)
        .into_iter()
        .map(|a| (a.text, a.cue, a.negated))
        .collect()
}

#[test]
fn the_cue_is_kept_as_written() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "“We will not back down,” Ana Ruiz said.",
            "We will not back down,",
            "said",
        ),
        (
            "Ana Ruiz has also said the plant will stay open.",
            "the plant will stay open",
            "has also said",
        ),
        (
            "According to Ana Ruiz, the plant will stay open.",
            "the plant will stay open",
            "According to",
        ),
        (
            "The union shot back that the offer was an insult.",
            "the offer was an insult",
            "shot back",
        ),
        // A denial is a cue of its own, not a negated one.
        (
            "Ana Ruiz denied that the plant would close.",
            "the plant would close",
            "denied",
        ),
    ];
    for &(body, text, cue) in cases {
        assert_eq!(
            cues(body),
            [(text.to_string(), Some(cue.to_string()), false)],
            "{body}"
        );
    }
}

#[test]
fn a_negated_cue_is_marked_so_the_words_do_not_read_as_asserted() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "The prime minister does not believe abortion should be an election issue.",
            "abortion should be an election issue",
            "does not believe",
        ),
        (
            "Ana Ruiz never said the plant would close.",
            "the plant would close",
            "never said",
        ),
        (
            "Ana Ruiz did not say the plant would close.",
            "the plant would close",
            "did not say",
        ),
    ];
    for &(body, text, cue) in cases {
        assert_eq!(
            cues(body),
            [(text.to_string(), Some(cue.to_string()), true)],
            "{body}"
        );
    }
    // A refusal to speak is no attribution at all.
    assert_eq!(
        cues("Ana Ruiz declined to say whether the plant would close."),
        []
    );
}

#[test]
fn a_split_quote_keeps_its_parts_in_reading_order() {
    for body in [
        "“We are ready,” Lee said. “The rest is up to them.”",
        "“We are ready,” Lee said, “the rest is up to them.”",
    ] {
        let got = extract(body);
        assert_eq!(got.len(), 1, "{body}: {got:?}");
        let a = &got[0];
        let parts: Vec<&str> = a.parts.iter().map(|r| &body[r.clone()]).collect();
        assert_eq!(parts.len(), 2, "{body}");
        assert_eq!(parts[0], "We are ready,");
        assert!(parts[1].ends_with("rest is up to them."), "{body}");
        assert_eq!(a.text, parts.join(" "));
        assert_eq!((a.start, a.end), (a.parts[0].start, a.parts[1].end));
        let speaker = a.speaker_span.clone().expect("source phrase span");
        assert_eq!(&body[speaker], "Lee");
    }
    // One piece: one part, the whole quote.
    let body = "“We are ready for them,” Lee said.";
    let got = extract(body);
    assert_eq!(got[0].parts.len(), 1);
    assert_eq!(got[0].parts[0], got[0].start..got[0].end);
}

#[test]
fn a_statement_reported_inside_another_is_not_a_second_one() {
    check(&[(
        "The United States sees an opportunity with Pakistan but insists it will not come at \
         the expense of its partnership with India, Secretary of State Marco Rubio said on \
         Saturday.",
        &[(
            Indirect,
            Some("Marco Rubio"),
            "The United States sees an opportunity with Pakistan but insists it will not come \
             at the expense of its partnership with India",
        )],
    )]);
}

#[test]
fn a_possessive_noun_phrase_is_the_object_of_the_cue_not_a_statement() {
    check(&[
        (
            "Marco Rubio acknowledged New Delhi's concerns over Washington's outreach to \
             Islamabad but said both sides were mature enough to manage their differences.",
            &[(
                Indirect,
                Some("Marco Rubio"),
                "both sides were mature enough to manage their differences",
            )],
        ),
        ("Ana Ruiz denied Mr Blake's claims.", &[]),
        // A clause goes on with its verb after the possessive's noun.
        (
            "Ana Ruiz said Japan's exports rose to a record in March.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "Japan's exports rose to a record in March",
            )],
        ),
        (
            "Ana Ruiz said the company's sales in Asia were down.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "the company's sales in Asia were down",
            )],
        ),
    ]);
}

#[test]
fn a_quote_paragraph_continues_the_speaker_introduced_just_before() {
    check(&[
        (
            "“It was chaos,” said Dana Ruiz, a nurse. She works nights at the clinic.\n\n\
             “Nobody knew where to go.”",
            &[
                (Direct, Some("Dana Ruiz"), "It was chaos,"),
                (Direct, Some("Dana Ruiz"), "Nobody knew where to go."),
            ],
        ),
        (
            "“It was chaos,” said Dana Ruiz, a nurse.\n\n“Nobody knew where to go.”",
            &[
                (Direct, Some("Dana Ruiz"), "It was chaos,"),
                (Direct, Some("Dana Ruiz"), "Nobody knew where to go."),
            ],
        ),
        // Another person in between: the quote is not hers.
        (
            "“It was chaos,” said Dana Ruiz, a nurse. She met Tom Baker at the clinic.\n\n\
             “Nobody knew where to go.”",
            &[(Direct, Some("Dana Ruiz"), "It was chaos,")],
        ),
        // Never across a section heading.
        (
            "“It was chaos,” said Dana Ruiz, a nurse.\n\nThe aftermath\n\n\
             “Nobody knew where to go.”",
            &[(Direct, Some("Dana Ruiz"), "It was chaos,")],
        ),
    ]);
}

#[test]
fn a_quote_continued_over_a_paragraph_gives_a_part_a_paragraph() {
    let body = "Ana Ruiz, the company's lawyer, said: “We do not know who owns the firm.\n\n\
                “We tried to find out, but the papers had the same result.”";
    let got = extract(body);
    assert_eq!(got.len(), 1, "{got:?}");
    let parts: Vec<&str> = got[0].parts.iter().map(|r| &body[r.clone()]).collect();
    assert_eq!(
        parts,
        [
            "We do not know who owns the firm.",
            "We tried to find out, but the papers had the same result."
        ]
    );
    assert_eq!(got[0].text, parts.join(" "));
    // A line wrapped inside a quote is no paragraph of its own.
    let body = "“We see an\nopportunity to expand our relationship,” Rubio said.";
    let got = extract(body);
    assert_eq!(got[0].parts.len(), 1);
}

#[test]
fn a_pronoun_skips_names_inside_the_words_it_attributes() {
    check(&[
        (
            "Tony Blair urged European leaders to accept the result. \"The fact is that \
             President Bush is there for four years,\" he argued.",
            &[
                (
                    Indirect,
                    Some("Tony Blair"),
                    "European leaders to accept the result",
                ),
                (
                    Direct,
                    Some("Tony Blair"),
                    "The fact is that President Bush is there for four years,",
                ),
            ],
        ),
        (
            "Lib Dem leader Charles Kennedy welcomed the quick result.\n\nMr Bush's first \
             task was to rebuild a sense of purpose at home, he said.",
            &[
                (Indirect, Some("Charles Kennedy"), "the quick result"),
                (
                    Indirect,
                    Some("Charles Kennedy"),
                    "Mr Bush's first task was to rebuild a sense of purpose at home",
                ),
            ],
        ),
        // The object of a verb is no subject: "he" is the one who met.
        (
            "Tony Blair met Michael Howard on Monday. \"We will win this argument,\" he said.",
            &[(Direct, Some("Tony Blair"), "We will win this argument,")],
        ),
    ]);
}

#[test]
fn a_pronoun_with_no_one_to_decide_between_stays_empty() {
    check(&[
        (
            "Tony Blair and Gordon Brown arrived at the conference together. \"We are \
             united,\" he said.",
            &[(Direct, None, "We are united,")],
        ),
        // An unnamed speaker in between stands for the pronoun, not the name before it.
        (
            "Michael Howard has backed stem cell research.\n\nThe issue came up in the US \
             election, where George Bush opposed it. But the Tory leader argued there was a \
             moral case for it. \"We have a duty to offer hope,\" he said.",
            &[
                (
                    Indirect,
                    Some("Tory leader"),
                    "there was a moral case for it",
                ),
                (Direct, Some("Tory leader"), "We have a duty to offer hope,"),
            ],
        ),
        // ... unless the name is the one who spoke last.
        (
            "\"We will review it,\" David Blunkett said.\n\nThe home secretary confirmed \
             the review would begin. He said it would look at partial defences.",
            &[
                (Direct, Some("David Blunkett"), "We will review it,"),
                // The office the article never gave him is his: he is whom it is about.
                (Indirect, Some("David Blunkett"), "the review would begin"),
                (
                    Indirect,
                    Some("David Blunkett"),
                    "it would look at partial defences",
                ),
            ],
        ),
    ]);
}

#[test]
fn organisations_speak_through_their_statements_and_office_nouns() {
    check(&[
        (
            "Nurses at the Jewish General Hospital work double shifts. The hospital said in \
             a statement that it was hiring more staff.",
            &[(
                Indirect,
                Some("Jewish General Hospital"),
                "it was hiring more staff",
            )],
        ),
        (
            "Metro Power said in a statement on Tuesday that rates would rise next year. The \
             company said the increase would pay for new lines. It said crews were ready.",
            &[
                (Indirect, Some("Metro Power"), "rates would rise next year"),
                (
                    Indirect,
                    Some("Metro Power"),
                    "the increase would pay for new lines",
                ),
                (Indirect, Some("Metro Power"), "crews were ready"),
            ],
        ),
        (
            "The Liquor Licensing Board suspended the permit on Friday. According to a \
             release from the board, the suspension runs for 30 days.",
            &[(
                Indirect,
                Some("Liquor Licensing Board"),
                "the suspension runs for 30 days",
            )],
        ),
        (
            "According to a statement from Metro Power, the outage was caused by a storm.",
            &[(
                Indirect,
                Some("Metro Power"),
                "the outage was caused by a storm",
            )],
        ),
        // A person with a role is no company: "the company" finds no one.
        (
            "\"They cut debt fast,\" said Hannes Wittig, an analyst at a bank. The company \
             also said it would resume paying a dividend.",
            &[
                (Direct, Some("Hannes Wittig"), "They cut debt fast,"),
                (Indirect, None, "it would resume paying a dividend"),
            ],
        ),
        (
            "The airline said in an email that flights would resume on Friday.",
            &[(Indirect, None, "flights would resume on Friday")],
        ),
    ]);
}

#[test]
fn a_person_opening_a_sentence_that_ends_in_a_colon_and_a_quote_says_it() {
    check(&[
        (
            "Montreal coach Martin St. Louis was less pleased: \"We gave them too many \
             chances.\"",
            &[(
                Direct,
                Some("Martin St. Louis"),
                "We gave them too many chances.",
            )],
        ),
        // A thing opening the sentence, or a short title, says nothing.
        (
            "The message was simple: \"Vote for change in this election.\"",
            &[],
        ),
        ("Ana Ruiz has a new book out: \"Homeward\"", &[]),
    ]);
}

#[test]
fn a_surname_alone_takes_the_full_name_first_written() {
    check(&[
        (
            "When the clinic closed, Jenna Morin had to drive three hours.\n\n\u{201C}It\u{2019}s \
             exhausting,\u{201D} says Morin, a mother of two.",
            &[(Direct, Some("Jenna Morin"), "It\u{2019}s exhausting,")],
        ),
        (
            "Auston Matthews scored the winner.\n\n\"I just tried to get it on net,\" \
             Matthews said.",
            &[(
                Direct,
                Some("Auston Matthews"),
                "I just tried to get it on net,",
            )],
        ),
        // A country keeps its one word.
        (
            "Troops from South India arrived.\n\n\"We will talk,\" India said.",
            &[(Direct, Some("India"), "We will talk,")],
        ),
    ]);
}

#[test]
fn canadian_style_features_find_every_direct_quote() {
    let body = "Rural clinic closes\n\n\
        When the clinic in Fort Vermilion closed last month, Jenna Morin had to drive three \
        hours to see a doctor.\n\n\
        \u{201C}It\u{2019}s exhausting. You take a whole day off work,\u{201D} says Morin, a \
        mother of two.\n\n\
        \u{201C}And nobody in Edmonton seems to care.\u{201D}\n\n\
        Health services spokesperson Kerry Williamson told CBC News the closure is \
        temporary.\n\n\
        \"We are actively recruiting physicians,\" Williamson wrote in an email.\n\n\
        Dr. Paul Lavoie, who practised in the town for 20 years, isn't so sure.\n\n\
        \"I've heard that before,\" he says. \"Every time, they promise.\"\n\n\
        \"You're on call every night. There's no backup,\n\n\
        \"Eventually you just can't do it anymore,\" he said.\n";
    let got: Vec<_> = found(body)
        .into_iter()
        .filter(|(k, _, _)| *k == Direct)
        .map(|(_, s, t)| (s.unwrap_or_default(), t))
        .collect();
    let want = [
        (
            "Jenna Morin",
            "It\u{2019}s exhausting. You take a whole day off work,",
        ),
        ("Jenna Morin", "And nobody in Edmonton seems to care."),
        ("Kerry Williamson", "We are actively recruiting physicians,"),
        (
            "Paul Lavoie",
            "I've heard that before, Every time, they promise.",
        ),
        (
            "Paul Lavoie",
            "You're on call every night. There's no backup, Eventually you just can't do it anymore,",
        ),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|&(s, t)| (s.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_pronoun_after_a_named_source_with_a_role_keeps_the_name() {
    check(&[(
        "Paul Myers, chief executive of Wippit, believes it is time advertisers stopped \
             paying. \"You may be surprised,\" he said.",
        &[
            (
                Indirect,
                Some("Paul Myers"),
                "it is time advertisers stopped paying",
            ),
            (Direct, Some("Paul Myers"), "You may be surprised,"),
        ],
    )]);
}

/// Plain sentences without sources or names, long enough (about 700 words) to put two
/// mentions out of the pronoun and role reach of each other.
fn filler() -> String {
    "The council met in the town hall and the budget was read out line by line. ".repeat(45)
}

#[test]
fn a_role_set_off_after_a_name_resolves_a_later_role_mention() {
    check(&[
        (
            "Charles Kennedy, the Liberal Democrat leader, opened the campaign in Bath. The \
             party wants a local income tax. Council tax bills have risen sharply. The Liberal \
             Democrat leader predicted that voters would punish the government.",
            &[(
                Indirect,
                Some("Charles Kennedy"),
                "voters would punish the government",
            )],
        ),
        (
            "Mr Blair, the prime minister, met union leaders on Monday. \"We will hold firm,\" \
             the prime minister said.",
            &[(Direct, Some("Blair"), "We will hold firm,")],
        ),
        // A list after the name is no appositive role.
        (
            "Mr Blair, the unions and the party met on Monday. \"We will hold firm,\" the \
             prime minister said.",
            &[(Direct, None, "We will hold firm,")],
        ),
    ]);
}

#[test]
fn a_definite_role_mention_far_from_the_name_finds_the_one_holder() {
    let far = |intro: &str, later: &str| format!("{intro} {} {later}", filler());
    let got = found(&far(
        "Lib Dem leader Charles Kennedy opened the campaign in Bath. Tory leader Michael \
         Howard was in Kent.",
        "The Liberal Democrat leader predicted that voters would punish the government.",
    ));
    assert_eq!(
        got,
        [q(
            Indirect,
            Some("Charles Kennedy"),
            "voters would punish the government"
        )]
    );
    // Two leaders and a mention that names no party: no one can be told apart.
    let got = found(&far(
        "Lib Dem leader Charles Kennedy opened the campaign in Bath. Tory leader Michael \
         Howard was in Kent.",
        "The leader predicted that voters would punish the government.",
    ));
    assert_eq!(
        got,
        [q(Indirect, None, "voters would punish the government")]
    );
    // The person just quoted, of no stated role, is meant rather than a governor named
    // further back.
    let got = found(&far(
        "Former Florida governor Jeb Bush spoke first.",
        "Chris Christie said he would send more agents to the border. The governor claimed \
         that crime had gone down.",
    ));
    assert_eq!(
        got.iter().map(|a| a.1.as_deref()).collect::<Vec<_>>(),
        [Some("Chris Christie"), None]
    );
    // An indefinite mention is someone else.
    let got = found(&far(
        "Trade Minister Jim Peterson arrived in Beijing on Monday.",
        "A minister predicted that the talks would fail.",
    ));
    assert_ne!(
        got.first().and_then(|a| a.1.clone()).as_deref(),
        Some("Jim Peterson")
    );
    let got = found(&far(
        "Trade Minister Jim Peterson arrived in Beijing on Monday.",
        "The minister predicted that the talks would fail.",
    ));
    assert_eq!(
        got,
        [q(Indirect, Some("Jim Peterson"), "the talks would fail")]
    );
}

#[test]
fn a_body_named_with_and_inside_is_one_source() {
    check(&[
        // A plural, "and", then words ending in an office word or a company suffix: one name.
        (
            "The Securities and Exchange Commission said it would look into the trades.",
            &[(
                Indirect,
                Some("Securities and Exchange Commission"),
                "it would look into the trades",
            )],
        ),
        (
            "Harbor Savings and Loan Association said it had sold two branches.",
            &[(
                Indirect,
                Some("Harbor Savings and Loan Association"),
                "it had sold two branches",
            )],
        ),
        // Two sources joined by "and" stay two: no plural before the "and", or no office word
        // or suffix at the end.
        (
            "Britain and France said they would oppose the plan.",
            &[(Indirect, Some("France"), "they would oppose the plan")],
        ),
        (
            "Volvex and Harbor Motors Corp said they would merge their truck units.",
            &[(
                Indirect,
                Some("Harbor Motors Corp"),
                "they would merge their truck units",
            )],
        ),
    ]);
}

#[test]
fn the_company_stands_for_a_company_whose_name_holds_office_words() {
    // "National" and "Energy" are office words ("the National Energy Board"), but a name that
    // ends in a company suffix is a company's.
    check(&[(
        "Northland Energy Corp said it would build a second plant. \
         The plant will cost 40 mln dlrs, the company said.",
        &[
            (
                Indirect,
                Some("Northland Energy Corp"),
                "it would build a second plant",
            ),
            (
                Indirect,
                Some("Northland Energy Corp"),
                "The plant will cost 40 mln dlrs",
            ),
        ],
    )]);
    // Without the suffix, an office word keeps "the company" from a government body.
    let speakers: Vec<Option<String>> = extract(
        "The National Energy Board said supplies were ample. \
         Prices will hold, the company said.",
    )
    .into_iter()
    .map(|a| a.speaker)
    .collect();
    assert_eq!(speakers[1], None);
}

// Speakers for "the government" and for an office the article never wrote beside its holder.

/// The speaker of each attribution in `body`, in order.
fn speakers_of(body: &str) -> Vec<Option<String>> {
    extract(body).into_iter().map(|a| a.speaker).collect()
}

#[test]
fn the_government_is_the_government_named_before() {
    // Written with its country before: the same words.
    let s = speakers_of(
        "The Japanese government is under pressure to open its rice market. \
         Imports will stay closed this year, the government said.",
    );
    assert_eq!(s, [Some("Japanese government".to_string())]);
    // "Brazil's government": the country's adjective.
    let s = speakers_of(
        "Brazil's government has cut the tax on imported cars. \
         The cut will last until June, the government said.",
    );
    assert_eq!(s, [Some("Brazilian government".to_string())]);
}

#[test]
fn the_government_is_that_of_the_country_the_article_names_most() {
    let s = speakers_of(
        "South Korea will raise state spending next year to create jobs. \
         Exports from South Korea fell for a third month, while imports from Japan rose. \
         The government said it will ask banks to roll over loans to small firms.",
    );
    assert_eq!(s, [Some("South Korean government".to_string())]);
    // A seat of government outweighs a country named as a place ("the Iraq war").
    let s = speakers_of(
        "Ministers met in Downing Street to discuss the legal advice on the Iraq war. \
         The government said the advice would stay confidential.",
    );
    assert_eq!(s, [Some("British government".to_string())]);
}

#[test]
fn the_government_of_no_country_named_stays_empty() {
    let s = speakers_of("The government said the new rules would take effect in May.");
    assert_eq!(s, [None]);
    // "the Labour government" names no country; "a government" is not "the government".
    let s = speakers_of(
        "Critics said a government in trouble would cut taxes. \
         A government spokesman said nothing had been decided.",
    );
    assert!(
        s.iter().all(|x| x.as_deref() != Some("government")),
        "{s:?}"
    );
}

#[test]
fn an_office_stands_for_the_person_the_article_is_about() {
    // The lead names the person without the office; the office follows.
    let s = speakers_of(
        "Tony Blair has dismissed reports that he promised to step down. \
         \"You don't do deals over jobs like this,\" the prime minister told the BBC.",
    );
    assert_eq!(s.last().cloned().flatten().as_deref(), Some("Tony Blair"));
    // The one named most, a subject counting twice, of two people without an office.
    let s = speakers_of(
        "Gordon Brown is to freeze fuel duty, and Mr Brown will fund a childcare package. \
         Critics said Paul Smith would object. \
         The chancellor said borrowing would stay within his rules.",
    );
    assert_eq!(s.last().cloned().flatten().as_deref(), Some("Gordon Brown"));
}

#[test]
fn an_office_is_not_given_to_the_wrong_person() {
    // The last attribution of each body: "the shadow chancellor" is not the chancellor; the
    // person named beside the office is not its holder; two people named as often leave it
    // unknown; a person whose office the article gives holds only that one.
    for body in [
        "Gordon Brown is to freeze fuel duty, Mr Brown said. \
         The shadow chancellor said the plan was a gimmick.",
        "Gordon Brown outlined the themes of the campaign. \
         The premier insisted Mr Brown would have a key role.",
        "Tony Blair and Gordon Brown arrived on Monday. \
         The prime minister said the talks had gone well.",
        "Home Secretary Charles Clarke defended the plan. \
         The prime minister said the plan was needed.",
        // A deputy does not hold the office itself.
        "Deputy Prime Minister John Prescott said the talks had gone well. \
         The prime minister said he would not resign.",
        "Vice President Dan Quayle said the deal was fair. \
         The president said that talks would resume in May.",
    ] {
        let s = speakers_of(body);
        assert_eq!(s.last().cloned().flatten(), None, "{body}: {s:?}");
    }
}

#[test]
fn a_single_office_goes_past_its_deputy() {
    // "The prime minister" after the deputy prime minister is the person the article is
    // about; "the deputy prime minister" is still the deputy.
    let s = speakers_of(
        "Tony Blair met union leaders on Monday. Deputy Prime Minister John Prescott said \
         the talks had gone well. The prime minister said he would not resign.",
    );
    assert_eq!(s.last().cloned().flatten().as_deref(), Some("Tony Blair"));
    let s = speakers_of(
        "Vice President Joe Biden said the deal was fair. The vice president added that \
         talks would go on next week.",
    );
    assert_eq!(s.last().cloned().flatten().as_deref(), Some("Joe Biden"));
}

#[test]
fn a_name_inside_what_someone_said_is_no_rival_for_he() {
    // "Mr Brown" is what Mr Lane said, not a second man the pronoun could stand for.
    let s = speakers_of(
        "Mr Lane, who left his Treasury post last year, had suggested that Mr Brown would \
         meet his spending rule. He said he hoped more would be done for families.",
    );
    assert_eq!(s.last().cloned().flatten().as_deref(), Some("Lane"));
    // Two men opening clauses of one sentence, neither inside anything said: unknown.
    let s = speakers_of(
        "Peter Lane and Tom Brown arrived on Monday. He said he hoped more would be done.",
    );
    assert_eq!(s.last().cloned().flatten(), None);
}

#[test]
fn an_inverted_source_may_carry_two_appositives() {
    check(&[
        // A second appositive after the first: a noun phrase or a name to the sentence end.
        (
            "Exports held up well this year, said Huang Bin, an expert with a research \
             centre, a Thai think tank.",
            &[(
                Indirect,
                Some("Huang Bin"),
                "Exports held up well this year",
            )],
        ),
        (
            "Exports held up well this year, said Zheng Yongnian, director of the East Asian \
             Institute, National University of Singapore.",
            &[(
                Indirect,
                Some("Zheng Yongnian"),
                "Exports held up well this year",
            )],
        ),
        (
            "Exports held up well this year, said Jim Brady, chief operating officer of Grant \
             Thornton, the country's largest accounting network.",
            &[(
                Indirect,
                Some("Jim Brady"),
                "Exports held up well this year",
            )],
        ),
        // A role word after lowercase words opens an appositive too.
        (
            "Orders took five days, said Sheng Wenhao, board chair of the online store, which \
             owns the brand.",
            &[(Indirect, Some("Sheng Wenhao"), "Orders took five days")],
        ),
        // A clause after the appositive is no second appositive: nothing is taken.
        (
            "Exports held up well this year, said Jim Brady, senior vice president for trade, \
             Teck wants the gap narrowed.",
            &[],
        ),
    ]);
}

#[test]
fn a_hyphenated_vice_or_co_title_is_a_role_before_the_name() {
    check(&[
        (
            "Tariffs have hurt global supply chains, Vice-Minister of Commerce Wang Shouwen \
             said on Monday. Wang said talks could resume.",
            &[
                (
                    Indirect,
                    Some("Wang Shouwen"),
                    "Tariffs have hurt global supply chains",
                ),
                (Indirect, Some("Wang Shouwen"), "talks could resume"),
            ],
        ),
        (
            "Party co-chairman Liam Fox said the pledges were vacuous.",
            &[(Indirect, Some("Liam Fox"), "the pledges were vacuous")],
        ),
    ]);
}

#[test]
fn a_source_that_told_its_audience_speaks_the_quote_before_it() {
    check(&[
        (
            "The premier spoke first. \"We have the plan and we have the money.\" Finance \
             Minister Vic Fedeli told the legislature.",
            &[(
                Direct,
                Some("Vic Fedeli"),
                "We have the plan and we have the money.",
            )],
        ),
        // "Tells the story of ...": an object with more after it is no bare source.
        (
            "The film opened on Friday. It tells the story of a veteran who returns home.",
            &[],
        ),
    ]);
}

#[test]
fn an_and_inside_a_name_after_a_link_word_stays_in_the_source() {
    check(&[
        (
            "Exports rose sharply, the Department of Trade and Industry said.",
            &[(
                Indirect,
                Some("Department of Trade and Industry"),
                "Exports rose sharply",
            )],
        ),
        (
            "John Lewis of Phillips and Drew said prices would fall.",
            &[(Indirect, Some("John Lewis"), "prices would fall")],
        ),
        // A person named at the end of a long organisation's name is the source.
        (
            "Growth will slow, deputy secretary general of the Organisation for Economic \
             Cooperation and Development Edward Streator said.",
            &[(Indirect, Some("Edward Streator"), "Growth will slow")],
        ),
        // Two sources joined by "and", with no link word before, stay apart.
        (
            "Smith and Jones said prices would fall.",
            &[(Indirect, Some("Jones"), "prices would fall")],
        ),
    ]);
}

#[test]
fn a_record_from_an_issuer_speaks_for_the_issuer() {
    check(&[
        (
            "Imports fell 5 pct in May, according to a report by the Commerce Department.",
            &[(
                Indirect,
                Some("Commerce Department"),
                "Imports fell 5 pct in May",
            )],
        ),
        (
            "Online sales will double by 2020, according to data from the China Council \
             for the Promotion of International Trade.",
            &[(
                Indirect,
                Some("China Council for the Promotion of International Trade"),
                "Online sales will double by 2020",
            )],
        ),
        (
            "The trade gap narrowed in March, official figures from the Statistics Office \
             showed.",
            &[(
                Indirect,
                Some("Statistics Office"),
                "The trade gap narrowed in March",
            )],
        ),
        // Senior figures are people; a report from a place is news sent from there; a
        // record from a record names no one.
        (
            "Senior figures from the party said the leader must go.",
            &[(
                Indirect,
                Some("Senior figures from the party"),
                "the leader must go",
            )],
        ),
        (
            "The dollar weakened, according to a Reuters report from New York.",
            &[(Indirect, Some("Reuters"), "The dollar weakened")],
        ),
        (
            "Data from the 2014 Housing Survey show that rents rose.",
            &[(
                Indirect,
                Some("Data from the 2014 Housing Survey"),
                "rents rose",
            )],
        ),
    ]);
}

#[test]
fn office_words_before_one_word_make_an_organisation_not_a_title() {
    check(&[
        (
            "The Federal Reserve said it was ready to act.",
            &[(Indirect, Some("Federal Reserve"), "it was ready to act")],
        ),
        (
            "Statistics Canada said prices rose 0.3 pct.",
            &[(Indirect, Some("Statistics Canada"), "prices rose 0.3 pct")],
        ),
        (
            "Human Rights Watch said the trial was unfair.",
            &[(Indirect, Some("Human Rights Watch"), "the trial was unfair")],
        ),
        // A title stays a title; a modifier of rank is no office (a party's members are a
        // group, which keeps it, as "Senior Democrats" does).
        (
            "Energy Minister Subroto said output would fall.",
            &[(Indirect, Some("Subroto"), "output would fall")],
        ),
        (
            "Senior Tories said the leader must go.",
            &[(Indirect, Some("Senior Tories"), "the leader must go")],
        ),
    ]);
}

#[test]
fn a_list_of_names_inside_an_aside_stays_in_the_aside() {
    check(&[
        (
            "Robert Foy, the firm's managing director for Asia, Europe, the Middle East, \
             Africa and Latin America, said the company expects to grow.",
            &[(Indirect, Some("Robert Foy"), "the company expects to grow")],
        ),
        (
            "Lady Hale, sitting with Lords Bingham, Steyn, Hope and Carswell, said the \
             appeal must fail.",
            &[(Indirect, Some("Lady Hale"), "the appeal must fail")],
        ),
        // An "and" inside a name is no list; the person before the aside speaks.
        (
            "The plan is sound, Dong Yan, a research fellow at the Institute of World \
             Economics and Politics, said.",
            &[(Indirect, Some("Dong Yan"), "The plan is sound")],
        ),
    ]);
}

#[test]
fn a_placing_adjective_is_not_part_of_the_name() {
    check(&[
        (
            "Belgium-born Wilfried Verbruggen said the fee was fixed.",
            &[(Indirect, Some("Wilfried Verbruggen"), "the fee was fixed")],
        ),
        (
            "The Washington-based Atlantic Council said trade would suffer.",
            &[(Indirect, Some("Atlantic Council"), "trade would suffer")],
        ),
        // A hyphenated name stays whole.
        (
            "Jean-Claude Juncker said the deal was done.",
            &[(Indirect, Some("Jean-Claude Juncker"), "the deal was done")],
        ),
    ]);
}

#[test]
fn a_verb_form_that_is_mostly_a_noun_needs_that_or_a_quote() {
    check(&[
        ("Rust Belt states have suffered from the loss of jobs.", &[]),
        (
            "Southern states will hold contests on March 1, Smith said.",
            &[(
                Indirect,
                Some("Smith"),
                "Southern states will hold contests on March 1",
            )],
        ),
        (
            "The report states that growth will slow.",
            &[(Indirect, None, "growth will slow")],
        ),
        (
            "Smith stated the plan was dead.",
            &[(Indirect, Some("Smith"), "the plan was dead")],
        ),
    ]);
}

#[test]
fn maintain_with_a_noun_phrase_after_it_is_no_speech() {
    check(&[
        ("Clinton maintains a wide lead over Sanders.", &[]),
        ("OPEC will maintain its ceiling at 16.6 mln bpd.", &[]),
        (
            "China maintains that the tariffs are illegal.",
            &[(Indirect, Some("China"), "the tariffs are illegal")],
        ),
        (
            "The plan is sound, Smith maintained.",
            &[(Indirect, Some("Smith"), "The plan is sound")],
        ),
    ]);
}

#[test]
fn a_verb_whose_other_sense_takes_a_noun_phrase_reports_only_a_clause() {
    check(&[
        // The objects of "added", "read" and "went on" in their other senses.
        (
            "Marco Lindqvist added a short-handed goal with 2:40 left to seal it.",
            &[],
        ),
        ("The winger added two assists as the visitors held on.", &[]),
        ("The Fed added reserves via customer repurchases.", &[]),
        (
            "Queen Mary read The Ugly Duckling to the young audience.",
            &[],
        ),
        (
            "Justice Ann Hale read her decision aloud in a packed courtroom.",
            &[],
        ),
        (
            "Senator Jo Park went on television to defend the bill.",
            &[],
        ),
        // A clause after the verb, with or without "that", still reports.
        (
            "Tom Reyes added that the plant would close in May.",
            &[(Indirect, Some("Tom Reyes"), "the plant would close in May")],
        ),
        (
            "Tom Reyes added the plant would close in May.",
            &[(Indirect, Some("Tom Reyes"), "the plant would close in May")],
        ),
        (
            "Tom Reyes added Ecuador also wanted to make up lost shipments.",
            &[(
                Indirect,
                Some("Tom Reyes"),
                "Ecuador also wanted to make up lost shipments",
            )],
        ),
        (
            "Tom Reyes added steel and coal output had fallen sharply.",
            &[(
                Indirect,
                Some("Tom Reyes"),
                "steel and coal output had fallen sharply",
            )],
        ),
        (
            "Tom Reyes added the bull market on Wall Street had also lifted equity levels.",
            &[(
                Indirect,
                Some("Tom Reyes"),
                "the bull market on Wall Street had also lifted equity levels",
            )],
        ),
        (
            "But, Tom Reyes added, buyers keen to trade up want better handsets.",
            &[(
                Indirect,
                Some("Tom Reyes"),
                "buyers keen to trade up want better handsets",
            )],
        ),
        (
            "The Bundesbank added its voice to growing criticism of delayed loans.",
            &[],
        ),
        (
            "Ana Silva added the political, economic and social system would be kept.",
            &[(
                Indirect,
                Some("Ana Silva"),
                "the political, economic and social system would be kept",
            )],
        ),
        (
            "The chain will add 90 hotels to its unit, which operates 61 hotels.",
            &[],
        ),
        (
            "Tom Reyes added exports rose 4 pct in the quarter.",
            &[(
                Indirect,
                Some("Tom Reyes"),
                "exports rose 4 pct in the quarter",
            )],
        ),
        // A quote after it, or a statement before it, is unchanged.
        (
            "Tom Reyes added: \"We are not done yet.\"",
            &[(Direct, Some("Tom Reyes"), "We are not done yet.")],
        ),
        (
            "The talks will resume next week, Tom Reyes added.",
            &[(
                Indirect,
                Some("Tom Reyes"),
                "The talks will resume next week",
            )],
        ),
        // A verb of judging still takes its object ("criticized the plan").
        (
            "Tom Reyes criticized the plan to close the plant.",
            &[(Indirect, Some("Tom Reyes"), "the plan to close the plant")],
        ),
    ]);
}

#[test]
fn a_piece_read_twice_is_one_statement() {
    check(&[(
        "Colonel Bob Stewart said: \"Anyone at the top will be saddened,\" he said. \
         \"The ministry does everything it can.\"",
        &[(
            Direct,
            Some("Bob Stewart"),
            "Anyone at the top will be saddened, The ministry does everything it can.",
        )],
    )]);
}

#[test]
fn an_organisation_named_with_of_is_not_a_person() {
    check(&[
        (
            "The Confederation of British Industry said spending will rise.",
            &[(
                Indirect,
                Some("Confederation of British Industry"),
                "spending will rise",
            )],
        ),
        (
            "The Fraser of Allander Institute says the policy was flawed.",
            &[(
                Indirect,
                Some("Fraser of Allander Institute"),
                "the policy was flawed",
            )],
        ),
        // A person of a firm stays the person.
        (
            "Mr. Hale of the Audubon Society said the birds were gone.",
            &[(Indirect, Some("Hale"), "the birds were gone")],
        ),
    ]);
}

#[test]
fn a_clause_may_open_with_a_noun_spelt_like_a_speech_verb() {
    check(&[
        (
            "Mr. Lawson said calls for an early election were premature.",
            &[(
                Indirect,
                Some("Lawson"),
                "calls for an early election were premature",
            )],
        ),
        (
            "Officials said estimates of the damage would rise.",
            &[(
                Indirect,
                Some("officials"),
                "estimates of the damage would rise",
            )],
        ),
        (
            "Dana Whitlock said terms of the acquisition have not been determined.",
            &[(
                Indirect,
                Some("Dana Whitlock"),
                "terms of the acquisition have not been determined",
            )],
        ),
        // Without a helper verb after the phrase, the noun may be the object: nothing is read.
        ("The union said views of its members differ.", &[]),
        ("The club said reports about the transfer.", &[]),
        // After "reports that", the helper verb is the inner clause's: no change there.
        ("The minister denied reports that she would resign.", &[]),
    ]);
}

#[test]
fn a_source_set_off_between_subject_and_predicate() {
    check(&[
        (
            "The new tariffs on steel, Mr. Clarke said, would hurt farmers in both countries.",
            &[(
                Indirect,
                Some("Clarke"),
                "The new tariffs on steel would hurt farmers in both countries",
            )],
        ),
        (
            "Exports to Japan, the ministry said on Friday, have fallen for a third month.",
            &[(
                Indirect,
                None,
                "Exports to Japan have fallen for a third month",
            )],
        ),
        (
            "The economy, Ana Ruiz said, probably will not recover before 2020.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "The economy probably will not recover before 2020",
            )],
        ),
        (
            "But the permit, his campaign said, had been hard to get.",
            &[(Indirect, None, "But the permit had been hard to get")],
        ),
        // A lead that sets the scene is not the subject: the clause after it is the content.
        (
            "In Ohio, Mr. Clarke said, the plan was dead.",
            &[(Indirect, Some("Clarke"), "the plan was dead")],
        ),
        // A clause before the source, or one with a relative clause, is left alone.
        ("It is his job, Mr. Hale said, to talk to Congress.", &[]),
        (
            "Sales, which rose last year, the firm said, will fall.",
            &[],
        ),
    ]);
}

#[test]
fn that_before_a_helper_verb_is_the_subject_of_the_clause() {
    check(&[
        (
            "Ana Ruiz said that was a mistake.",
            &[(Indirect, Some("Ana Ruiz"), "that was a mistake")],
        ),
        (
            "One in five voters say that won't be true.",
            &[(Indirect, Some("One in five voters"), "that won't be true")],
        ),
        // Before "no", a plural verb or a participle, "that" opens the clause.
        (
            "Ana Ruiz said that no decision had been made.",
            &[(Indirect, Some("Ana Ruiz"), "no decision had been made")],
        ),
        (
            "Ana Ruiz said that continued growth will lift wages.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "continued growth will lift wages",
            )],
        ),
    ]);
}

#[test]
fn quote_inside_a_paragraph_goes_on_from_the_speaker_before_it() {
    check(&[
        // The quote follows Baker's statement in his paragraph; Lewis's verb has its own.
        (
            "Fellow MP Norman Baker said the affair showed \"contempt for voters\". \"It is \
             plain that the promise of open government is dead.\" Dr Julia Lewis, the party's \
             spokeswoman, said she had found a rise in shredding.",
            &[
                (
                    Mixed,
                    Some("Norman Baker"),
                    "the affair showed \"contempt for voters\"",
                ),
                (
                    Direct,
                    Some("Norman Baker"),
                    "It is plain that the promise of open government is dead.",
                ),
                (
                    Indirect,
                    Some("Julia Lewis"),
                    "she had found a rise in shredding",
                ),
            ],
        ),
        // A quote that opens its paragraph belongs to the source that opens the next sentence.
        (
            "Mayor Tom Reid said the budget was fair.\n\n\"Who pays for this?\" Councillor Ann \
             Hope asked at the meeting.",
            &[
                (Indirect, Some("Tom Reid"), "the budget was fair"),
                (Direct, Some("Ann Hope"), "Who pays for this?"),
            ],
        ),
    ]);
}

#[test]
fn a_party_written_short_is_no_part_of_the_name() {
    check(&[
        (
            "Fellow Lib Dem Sarah Teather said the scheme was a gimmick.",
            &[(Indirect, Some("Sarah Teather"), "the scheme was a gimmick")],
        ),
        (
            "The Lib Dems said the tax would fall on pensioners.",
            &[(
                Indirect,
                Some("Lib Dems"),
                "the tax would fall on pensioners",
            )],
        ),
    ]);
}

#[test]
fn an_inverted_role_named_after_a_comma() {
    check(&[
        (
            "\"The cuts will hurt,\" said the chair of the Commons health committee, Labour MP \
             Ann Keen.",
            &[(Direct, Some("Ann Keen"), "The cuts will hurt,")],
        ),
        (
            "\"We are on track,\" said the head of the airline's Gulf operations, Robert Hale.",
            &[(Direct, Some("Robert Hale"), "We are on track,")],
        ),
        // No name after the comma: the role alone.
        (
            "\"We are on track,\" said the head of the airline, speaking in Riyadh.",
            &[(Direct, None, "We are on track,")],
        ),
    ]);
}

#[test]
fn a_body_named_with_and_after_the() {
    check(&[
        (
            "The trade gap narrowed in May, the Trade and Industry Department said.",
            &[(
                Indirect,
                Some("Trade and Industry Department"),
                "The trade gap narrowed in May",
            )],
        ),
        (
            "The Food and Drug Administration said the pills were safe.",
            &[(
                Indirect,
                Some("Food and Drug Administration"),
                "the pills were safe",
            )],
        ),
        // An acronym before "and" names a body of its own; the phrase reads the last one.
        (
            "The FBI and State Department said the files were lost.",
            &[(Indirect, Some("State Department"), "the files were lost")],
        ),
    ]);
}

#[test]
fn a_named_body_then_which_said() {
    check(&[
        (
            "The paper cited the Bank of Portugal, which said the deficit had widened.",
            &[(
                Indirect,
                Some("Bank of Portugal"),
                "the deficit had widened",
            )],
        ),
        // A verb other than "say" or "tell" after "which" is not read so.
        (
            "Brazil, which declared a moratorium last month, leads the talks.",
            &[],
        ),
    ]);
}

#[test]
fn a_body_named_after_its_country() {
    check(&[
        (
            "Global Affairs Canada said it was aware of the arrest.",
            &[(
                Indirect,
                Some("Global Affairs Canada"),
                "it was aware of the arrest",
            )],
        ),
        (
            "The closure will last a month, Fisheries and Oceans Canada said.",
            &[(
                Indirect,
                Some("Fisheries and Oceans Canada"),
                "The closure will last a month",
            )],
        ),
        // Two places joined, and a person whose surname is a country, stay apart.
        (
            "Iran and Iraq said the talks had failed.",
            &[(Indirect, Some("Iraq"), "the talks had failed")],
        ),
        (
            "Alastair France said the shares were cheap.",
            &[(Indirect, Some("Alastair France"), "the shares were cheap")],
        ),
    ]);
    // A body named after its country is no person whose surname is the country.
    let s = speakers_of(
        "Public Services and Procurement Canada said the contract was cancelled. Global \
         Affairs Canada said it was aware of the case.",
    );
    assert_eq!(
        s,
        [
            Some("Public Services and Procurement Canada".to_string()),
            Some("Global Affairs Canada".to_string())
        ]
    );
}

#[test]
fn a_plural_that_ends_a_body_s_name() {
    check(&[
        (
            "Edmonton Public Schools said in an email that the rinks would be open.",
            &[(
                Indirect,
                Some("Edmonton Public Schools"),
                "the rinks would be open",
            )],
        ),
        (
            "Premier Auction Services said sales rose.",
            &[(Indirect, Some("Premier Auction Services"), "sales rose")],
        ),
    ]);
}

#[test]
fn police_ranks_and_place_abbreviations() {
    check(&[
        (
            "Const. Mike Dunn said the driver was taken to hospital.",
            &[(
                Indirect,
                Some("Mike Dunn"),
                "the driver was taken to hospital",
            )],
        ),
        (
            "\"We are asking for witnesses,\" said Insp. Jane Roy.",
            &[(Direct, Some("Jane Roy"), "We are asking for witnesses,")],
        ),
        (
            "Algoma Steel said it would cut shifts at its Sault Ste. Marie plant.",
            &[(
                Indirect,
                Some("Algoma Steel"),
                "it would cut shifts at its Sault Ste. Marie plant",
            )],
        ),
    ]);
}

// A reported clause before its source, when the source is followed by a dash or semicolon,
// or the clause is short and opens with "but" or "this".

#[test]
fn a_clause_before_its_source_is_kept_before_a_dash_or_semicolon() {
    check(&[
        (
            "Budget deficits will widen again this year, the Congressional Budget Office \
             reported on Tuesday -- a shift that puts new pressure on the candidates.",
            &[(
                Indirect,
                Some("Congressional Budget Office"),
                "Budget deficits will widen again this year",
            )],
        ),
        (
            "The campaign was never only about him, his aides argued this week; the party \
             mattered more.",
            &[(
                Indirect,
                Some("aides"),
                "The campaign was never only about him",
            )],
        ),
        // A quote after the semicolon is what was said; the words before only set the scene.
        (
            "When Ana Ruiz shook his hand after another loss, the champion said; \"You \
             are the best.\"",
            &[],
        ),
        // A source inside an aside set off by dashes says only the aside.
        (
            "He raised no taxes but put a lot of effort - too much, critics argue - into \
             collecting them.",
            &[],
        ),
    ]);
}

#[test]
fn a_short_clause_opening_with_but_or_this_is_said() {
    check(&[
        (
            "This estimate is only preliminary, Ana Ruiz told reporters.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "This estimate is only preliminary",
            )],
        ),
        (
            "But that is not good enough, said Tom Baker, an analyst at Jefferies.",
            &[(Indirect, Some("Tom Baker"), "But that is not good enough")],
        ),
        // A scene-setting lead with no verb of its own is still no content.
        ("In a speech last July, Ana Ruiz said.", &[]),
        ("But in the end, Ana Ruiz said.", &[]),
    ]);
}

#[test]
fn a_transcript_paragraph_is_its_labelled_speaker_s() {
    check(&[
        (
            "Dana Bash spoke with Senator Ana Ruiz on Sunday.\n\nBASH: You backed the bill. \
             Will you vote for it again?\n\nRUIZ: Well, I think the state needs it. We \
             will see.",
            &[
                (
                    Indirect,
                    Some("Dana Bash"),
                    "You backed the bill. Will you vote for it again?",
                ),
                (
                    Indirect,
                    Some("Ana Ruiz"),
                    "Well, I think the state needs it. We will see.",
                ),
            ],
        ),
        // Quoted paragraph by paragraph, and a host the article names only in the labels.
        (
            "Gov. Ana Ruiz spoke on Sunday. Partial transcript:\n\n\"MORALES: Will you be at \
             the debate tomorrow night?\n\n\"RUIZ: No, I will be in Ohio with the voters all \
             week.\n\n\"MORALES: Do you really think that is wise?\n\n\"RUIZ: Yes, the voters \
             come first for me.\"",
            &[
                (
                    Direct,
                    Some("MORALES"),
                    "Will you be at the debate tomorrow night?",
                ),
                (
                    Direct,
                    Some("Ana Ruiz"),
                    "No, I will be in Ohio with the voters all week.",
                ),
                (Direct, Some("MORALES"), "Do you really think that is wise?"),
                (
                    Direct,
                    Some("Ana Ruiz"),
                    "Yes, the voters come first for me.",
                ),
            ],
        ),
        // Labels in Title Case, names the article gives in full.
        (
            "Chris Matthews asked Luciana Lopez about the plan.\n\nMatthews: So is speculation \
             bad for the economy?\n\nLopez: Well, no one thinks their savings are speculation.\
             \n\nMatthews: And yet we all use the word.",
            &[
                (
                    Indirect,
                    Some("Chris Matthews"),
                    "So is speculation bad for the economy?",
                ),
                (
                    Indirect,
                    Some("Luciana Lopez"),
                    "Well, no one thinks their savings are speculation.",
                ),
                (
                    Indirect,
                    Some("Chris Matthews"),
                    "And yet we all use the word.",
                ),
            ],
        ),
        // An interview's questions and answers name nobody.
        (
            "She came to the city as a child.\n\nQ: Did the school take care of you?\n\nA: \
             No, no one did. No one checked on me.",
            &[
                (Indirect, None, "Did the school take care of you?"),
                (Indirect, None, "No, no one did. No one checked on me."),
            ],
        ),
    ]);
}

#[test]
fn a_label_outside_a_dialogue_names_no_speaker() {
    check(&[
        // One label only, a note, or capitals the article never writes as a name.
        (
            "Dana Bash spoke on Sunday.\n\nBASH: You backed the bill. Will you vote again?",
            &[],
        ),
        (
            "Soy crops were cut.\n\nNOTE: Figures are in tonnes.\n\nNOTE: Prices are \
             estimates.",
            &[],
        ),
        (
            "Rain fell in Parana state.\n\nPARANA STATE: Crops are ahead of last year.\n\n\
             SAO PAULO STATE: Planting is late.",
            &[],
        ),
        ("Q: Why now?", &[]),
        // A poll's figures under names are no dialogue.
        (
            "Hillary Clinton leads Donald Trump.\n\nClinton: 45 percent of likely voters.\n\n\
             Trump: 41 percent of likely voters.",
            &[],
        ),
        // Names over a list of ideas, each once, are no dialogue.
        (
            "Three former candidates had ideas.\n\nJeb Bush: Student loans. He wanted a cap on \
             what colleges charge.\n\nMarco Rubio: Retirement accounts. He wanted a fund \
             open to everyone.",
            &[],
        ),
        // A label used once that the article never writes as a name.
        (
            "Dana Bash spoke with Ana Ruiz.\n\nBASH: You backed the bill, did you not?\n\n\
             UPDATE: The vote was put off until the spring.",
            &[],
        ),
    ]);
}

#[test]
fn a_clause_whose_subject_opens_with_no_is_said() {
    check(&[
        (
            "Police said no one was hurt in the blast.",
            &[(Indirect, Some("police"), "no one was hurt in the blast")],
        ),
        (
            "Ana Ruiz told reporters no decision had been made on the tariffs.",
            &[(
                Indirect,
                Some("Ana Ruiz"),
                "no decision had been made on the tariffs",
            )],
        ),
        // "No" alone, or before a noun phrase with no verb, reports nothing said.
        ("Ana Ruiz said no.", &[]),
        (
            "The Telegraph has announced no plans to change its size.",
            &[],
        ),
    ]);
}

#[test]
fn an_office_held_for_a_party_or_place_is_the_person_the_article_is_about() {
    check(&[
        // The person of the article, last opening a clause, holds "the Tory leader".
        (
            "Howard backs science plan\n\nMichael Howard has backed the plan. Michael Howard \
             spoke in Leeds. But the Tory leader argued there was a moral case for it.",
            &[(
                Indirect,
                Some("Michael Howard"),
                "there was a moral case for it",
            )],
        ),
        (
            "Ana Ruiz toured the state on Monday. Ana Ruiz met farmers there. The Vermont \
             senator said the drought had cut yields.",
            &[(Indirect, Some("Ana Ruiz"), "the drought had cut yields")],
        ),
        // An office many hold at once does not point to the article's person.
        (
            "Ana Ruiz toured the state on Monday. Ana Ruiz met farmers there. The BBC \
             spokeswoman said the drought had cut yields.",
            &[(Indirect, Some("BBC"), "the drought had cut yields")],
        ),
        // Nor does "former": the former leader is someone else.
        (
            "Ana Ruiz toured the state on Monday. Ana Ruiz met farmers there. The former \
             Vermont senator said the drought had cut yields.",
            &[(
                Indirect,
                Some("former Vermont senator"),
                "the drought had cut yields",
            )],
        ),
        // The person named most is not the one who last opened a clause: the office stays
        // described.
        (
            "Ana Ruiz toured the state on Monday. Ana Ruiz met farmers there. Tom Baker \
             arrived later. The Vermont senator said the drought had cut yields.",
            &[(
                Indirect,
                Some("Vermont senator"),
                "the drought had cut yields",
            )],
        ),
    ]);
}

#[test]
fn neither_and_either_open_no_name() {
    check(&[(
        "Ana Ruiz spoke on Monday. Neither Ruiz nor her aides have been charged. She said \
         the case was closed.",
        &[(Indirect, Some("Ana Ruiz"), "the case was closed")],
    )]);
}

#[test]
fn letters_of_office_after_a_name_and_a_boss_before_it() {
    check(&[
        (
            "Former welfare minister Tom Baker MP said the plan was flawed.",
            &[(Indirect, Some("Tom Baker"), "the plan was flawed")],
        ),
        (
            "Ana Ruiz MPP said the plan was flawed.",
            &[(Indirect, Some("Ana Ruiz"), "the plan was flawed")],
        ),
        (
            "Boss Tom Baker said the team was tired.",
            &[(Indirect, Some("Tom Baker"), "the team was tired")],
        ),
        // A seat or a party before the letters is no name.
        (
            "Tom Baker spoke first. The Ealing North MP said the plan was flawed.",
            &[(Indirect, Some("Tom Baker"), "the plan was flawed")],
        ),
    ]);
}

#[test]
fn a_statement_speaks_for_its_owner() {
    check(&[
        (
            "The Commerce Ministry met on Monday. Exports rose 5 percent, according to \
             the ministry's statement.",
            &[(
                Indirect,
                Some("Commerce Ministry"),
                "Exports rose 5 percent",
            )],
        ),
        (
            "Exports rose 5 percent, according to Unilever's statement.",
            &[(Indirect, Some("Unilever"), "Exports rose 5 percent")],
        ),
        // An owner that resolves to no one leaves the phrase as it was.
        (
            "Exports rose 5 percent, according to the ministry's statement.",
            &[(
                Indirect,
                Some("ministry's statement"),
                "Exports rose 5 percent",
            )],
        ),
    ]);
}

#[test]
fn a_role_noun_after_a_sentence_about_one_person_is_that_person() {
    check(&[
        (
            "Dylan Larkin, who had two assists, was not happy.\n\n\"We let it slip,\" the captain said.",
            &[(Direct, Some("Dylan Larkin"), "We let it slip,")],
        ),
        // A name no known given name announces, opening the sentence before.
        (
            "Jakob Chychrun scored twice in the loss.\n\n\"It stings,\" the defenceman said.",
            &[(Direct, Some("Jakob Chychrun"), "It stings,")],
        ),
        (
            "Brenda Sutherland has farmed near Moose Jaw for 40 years.\n\n\"I have never seen it \
             this dry,\" the grandmother said.",
            &[(
                Direct,
                Some("Brenda Sutherland"),
                "I have never seen it this dry,",
            )],
        ),
        // An age noun: the person the sentence before is about, not the one last quoted.
        (
            "\"We were fine,\" said coach Ryan Huska.\n\nNazem Kadri scored twice for Calgary. \
             The 33-year-old said the loss stings.",
            &[
                (Direct, Some("Ryan Huska"), "We were fine,"),
                (Indirect, Some("Nazem Kadri"), "the loss stings"),
            ],
        ),
        // Not a word for the person written about: the judge is someone else.
        (
            "Mark Ellis was sentenced to eight years.\n\n\"This was a choice,\" the judge said.",
            &[(Direct, None, "This was a choice,")],
        ),
        // Two people in the sentence before: no one.
        (
            "Nick Suzuki and Cole Caufield both scored.\n\n\"It felt good,\" the captain said.",
            &[(Direct, None, "It felt good,")],
        ),
        // A picture's credit is no sentence about a person.
        (
            "Jakob Chychrun scored twice.\n\nGalit Rodan via The Canadian Press.\n\n\"It \
             stings,\" the defenceman said.",
            &[(Direct, None, "It stings,")],
        ),
        // Two people of that surname: not sure who.
        (
            "Ellen Murphy lost her son, Kevin Murphy, in the crash.\n\nMurphy spoke at the \
             vigil.\n\n\"I will not stop,\" the mother said.",
            &[(Direct, None, "I will not stop,")],
        ),
    ]);
}

#[test]
fn a_dateline_is_no_part_of_an_according_to_statement() {
    check(&[
        (
            "TORONTO \u{2014} According to police, the man fled on foot.",
            &[(Indirect, Some("police"), "the man fled on foot")],
        ),
        (
            "REGINA, Sask. \u{2014} According to Statistics Canada, farm income fell.",
            &[(Indirect, Some("Statistics Canada"), "farm income fell")],
        ),
        // A dash inside a word is no dateline's.
        (
            "U.S.-Canadian ties could worsen, according to Global Affairs Canada.",
            &[(
                Indirect,
                Some("Global Affairs Canada"),
                "U.S.-Canadian ties could worsen",
            )],
        ),
        // The statement before "according to" after a dateline.
        (
            "HALIFAX \u{2014} The ferry will not sail, according to Marine Atlantic.",
            &[(Indirect, Some("Marine Atlantic"), "The ferry will not sail")],
        ),
    ]);
}

#[test]
fn districts_municipalities_and_counties_are_bodies() {
    check(&[
        (
            "The Cariboo Regional District said in a release that it had opened a shelter.",
            &[(
                Indirect,
                Some("Cariboo Regional District"),
                "it had opened a shelter",
            )],
        ),
        (
            "The Regional Municipality of Peel said the road will reopen Friday.",
            &[(
                Indirect,
                Some("Regional Municipality of Peel"),
                "the road will reopen Friday",
            )],
        ),
        (
            "Wellington County said crews were on scene.",
            &[(Indirect, Some("Wellington County"), "crews were on scene")],
        ),
    ]);
}

#[test]
fn an_indefinite_role_mention_is_a_new_source_not_one_named_before() {
    check(&[
        // A spokesperson of another body, brought in with "a": no one named.
        (
            "Police spokesperson Const. Dana Reyes said the fire was suspicious.\n\n\"The unit \
             was locked,\" a city spokesperson wrote.",
            &[
                (Indirect, Some("Dana Reyes"), "the fire was suspicious"),
                (Direct, None, "The unit was locked,"),
            ],
        ),
        (
            "Company spokesman Tom Hale said sales rose.\n\n\"We expect more,\" a spokesman \
             for the union said.",
            &[
                (Indirect, Some("Tom Hale"), "sales rose"),
                (Direct, Some("spokesman for the union"), "We expect more,"),
            ],
        ),
        // "Another" is someone else too.
        (
            "Analyst Ruth Kemp said the shares were cheap.\n\nAnother analyst said they were \
             dear.",
            &[
                (Indirect, Some("Ruth Kemp"), "the shares were cheap"),
                (Indirect, None, "they were dear"),
            ],
        ),
        // "The spokesperson": the one named before.
        (
            "Police spokesperson Const. Dana Reyes said the fire was suspicious.\n\n\"The unit \
             was locked,\" the spokesperson wrote.",
            &[
                (Indirect, Some("Dana Reyes"), "the fire was suspicious"),
                (Direct, Some("Dana Reyes"), "The unit was locked,"),
            ],
        ),
        // A name given with the indefinite role is that person.
        (
            "A company spokesman, Tom Hale, said sales rose.",
            &[(Indirect, Some("Tom Hale"), "sales rose")],
        ),
    ]);
}

#[test]
fn an_indefinite_role_set_off_after_a_name_is_that_person() {
    check(&[
        (
            "Analyst Ruth Kemp said the shares were cheap.\n\nLena Ortiz, an oil analyst with \
             Baird and Co, agreed that the shares were cheap.",
            &[
                (Indirect, Some("Ruth Kemp"), "the shares were cheap"),
                (Indirect, Some("Lena Ortiz"), "the shares were cheap"),
            ],
        ),
        // The name before the comma is what was said.
        (
            "The firm named Jaime Sanchez as its new manager, a company spokesman said.",
            &[(
                Indirect,
                None,
                "The firm named Jaime Sanchez as its new manager",
            )],
        ),
        (
            "Another Noranda spokesman said the smelter was open.",
            &[(Indirect, Some("Noranda"), "the smelter was open")],
        ),
    ]);
}

#[test]
fn a_word_of_offices_can_be_a_surname_after_a_given_name() {
    check(&[
        (
            "Suspended hurdler Kayla White says she took the pills knowingly.\n\n\"It was my \
             choice,\" White said.",
            &[
                (
                    Indirect,
                    Some("Kayla White"),
                    "she took the pills knowingly",
                ),
                (Direct, Some("Kayla White"), "It was my choice,"),
            ],
        ),
        // Office words together are still no one: "the Obama White House".
        (
            "The Obama White House said the plan was dead.",
            &[(Indirect, Some("Obama White House"), "the plan was dead")],
        ),
    ]);
}

#[test]
fn a_person_by_age_may_be_described_by_nationality_and_trade() {
    check(&[
        (
            "Dana Kovac has put talk of retirement on hold.\n\nThe 28-year-old American said she \
             would play on next year.",
            &[(Indirect, Some("Dana Kovac"), "she would play on next year")],
        ),
        (
            "Dana Kovac has put talk of retirement on hold.\n\nThe 28-year-old former tennis \
             champion said she would play on next year.",
            &[(Indirect, Some("Dana Kovac"), "she would play on next year")],
        ),
        // A name after the age is a name: "the 28-year-old John Smith" is not Dana Kovac.
        (
            "Dana Kovac won again.\n\nThe 28-year-old John Smith said he would play on.",
            &[(Indirect, Some("John Smith"), "he would play on")],
        ),
    ]);
}

#[test]
fn according_to_a_description_then_a_name() {
    check(&[
        (
            "According to research firm Tellwise, sales of the phones doubled last year.",
            &[(
                Indirect,
                Some("Tellwise"),
                "sales of the phones doubled last year",
            )],
        ),
        (
            "Sales of the phones doubled last year, according to bookmaker Hartfords.",
            &[(
                Indirect,
                Some("Hartfords"),
                "Sales of the phones doubled last year",
            )],
        ),
        // A name spelt in small letters is no description: no statement rather than one by
        // "UK".
        (
            "According to eBay UK there are 150 robots for sale on the site.",
            &[],
        ),
    ]);
}

#[test]
fn a_claim_owned_by_a_name_reports_the_clause_after_it() {
    check(&[
        (
            "The coach had cast doubt on Dean Marsh's claims he had torn a hamstring.",
            &[(Indirect, Some("Dean Marsh"), "he had torn a hamstring")],
        ),
        (
            "Ana Ruiz sued the trainer.\n\nShe acted after his allegations that she took \
             banned drugs.",
            &[(Indirect, None, "she took banned drugs")],
        ),
        // No clause after the noun, or the noun phrase is the sentence's subject: nothing.
        ("Ana Ruiz's claims of a cover-up were dismissed.", &[]),
        (
            "Ana Ruiz's assertion that the format will win is bold.",
            &[],
        ),
    ]);
}

#[test]
fn a_claim_is_no_one_speaking_on() {
    check(&[(
        "\"We lack pride,\" said Carl Lewis.\n\nLewis cast doubt on Dean Marsh's claims he had \
         torn a hamstring.\n\n\"The only time they get upset is in a debate,\" he said.",
        &[
            (Direct, Some("Carl Lewis"), "We lack pride,"),
            (Indirect, Some("Dean Marsh"), "he had torn a hamstring"),
            (
                Direct,
                Some("Carl Lewis"),
                "The only time they get upset is in a debate,",
            ),
        ],
    )]);
}

#[test]
fn a_nationality_and_a_description_before_a_name_after_the_verb() {
    check(&[
        (
            "Seventh seed Rafael Nadal also reached the last eight.\n\n\"It is always a problem \
             to stop for rain,\" said Spanish teenager Nadal.",
            &[(
                Direct,
                Some("Rafael Nadal"),
                "It is always a problem to stop for rain,",
            )],
        ),
        (
            "Sales of the phones doubled last year, according to US research firm Tellwise.",
            &[(
                Indirect,
                Some("Tellwise"),
                "Sales of the phones doubled last year",
            )],
        ),
    ]);
}

#[test]
fn church_offices_are_titles() {
    check(&[(
        "South African Archbishop Desmond Tutu has criticised the detentions.\n\nThe \
         archbishop added: \"What is happening to those left behind?\"",
        &[
            (Indirect, Some("Desmond Tutu"), "the detentions"),
            (
                Direct,
                Some("Desmond Tutu"),
                "What is happening to those left behind?",
            ),
        ],
    )]);
}

#[test]
fn ministers_and_fans_speak_as_groups() {
    check(&[
        (
            "Ministers said the plan would cost less than expected.",
            &[(
                Indirect,
                Some("ministers"),
                "the plan would cost less than expected",
            )],
        ),
        (
            "Organisers said all 130,000 tickets had been sold.",
            &[(
                Indirect,
                Some("organisers"),
                "all 130,000 tickets had been sold",
            )],
        ),
    ]);
}

#[test]
fn a_nationality_alone_is_the_person_just_written_about() {
    check(&[
        (
            "Andy Roddick lost in three sets.\n\n\"It's just tough,\" the American said.",
            &[(Direct, Some("Andy Roddick"), "It's just tough,")],
        ),
        // Two people in the sentence before: no one.
        (
            "Nick Suzuki and Cole Caufield both scored.\n\n\"It felt good,\" the American \
             said.",
            &[(Direct, None, "It felt good,")],
        ),
    ]);
}
