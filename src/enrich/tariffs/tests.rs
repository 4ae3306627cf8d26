use super::*;

fn tariffs(body: &str) -> Vec<Tariff> {
    extract(&Article {
        body: body.to_string(),
        ..Article::default()
    })
}

/// The distinct rates found, in order.
fn rates(body: &str) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for t in tariffs(body) {
        if !out.contains(&t.rate.0) {
            out.push(t.rate.0);
        }
    }
    out
}

fn check(table: &[(&str, &[f64])]) {
    for (text, want) in table {
        assert_eq!(rates(text), *want, "{text}");
    }
}

#[test]
fn levels_in_every_spelling() {
    check(&[
        ("Officials set a 25% tariff on the parts.", &[25.0]),
        ("The country faces 25 percent tariffs.", &[25.0]),
        ("Exporters pay a 25 per cent duty.", &[25.0]),
        ("A 25 pct import duty applies.", &[25.0]),
        ("The 25-percent tariff took effect.", &[25.0]),
        ("Duties of 5-10 pct were imposed.", &[5.0, 10.0]),
        ("A tariff of 15 to 25 percent on magnets.", &[15.0, 25.0]),
        ("The average tariff rate is 3.5 per cent.", &[3.5]),
        ("It would levy 100 pct tariffs on the chips.", &[100.0]),
        ("Duties of up to 50 pct apply to some goods.", &[50.0]),
        ("A two or three pct tariff would be easier.", &[2.0, 3.0]),
    ]);
}

#[test]
fn changes_of_level_give_both_ends() {
    check(&[
        (
            "The duty will be cut from 25% to 15% next year.",
            &[25.0, 15.0],
        ),
        ("The ministry raised the tariff to 25 percent.", &[25.0]),
        (
            "Tariffs were raised to 100 pct from about five pct.",
            &[100.0, 5.0],
        ),
        (
            "The duty on lipstick falls to 2 percent from 5 percent.",
            &[2.0, 5.0],
        ),
        (
            "The average tariff rate will drop from 15.9 percent to 7.1 percent.",
            &[15.9, 7.1],
        ),
        (
            "Tariffs on the goods will climb from 10 percent to 25 percent.",
            &[10.0, 25.0],
        ),
    ]);
}

#[test]
fn components_and_lists() {
    check(&[
        (
            "The capital doubled tariffs on the goods to 50 per cent, including a 25 per cent \
             additional duty.",
            &[50.0, 25.0],
        ),
        (
            "It set a 25 percent tariff on steel and 10 percent on aluminium.",
            &[25.0, 10.0],
        ),
        (
            "The rates of the extra tariffs will be 25 percent, 20 percent and 5 percent.",
            &[25.0, 20.0, 5.0],
        ),
        (
            "A 25 percent or even a 10 percent tariff would hurt us.",
            &[25.0, 10.0],
        ),
    ]);
}

#[test]
fn not_rates() {
    check(&[
        ("Tariffs were cut by 5 percentage points.", &[]),
        ("The ministry will cut tariffs by 50 pct.", &[]),
        (
            "It will reduce import tariffs by an average of 50 percent.",
            &[],
        ),
        ("Tariffs were lifted on 90 percent of imported goods.", &[]),
        ("The duties cover 35% of the components.", &[]),
        ("Tariffs on $200 billion of goods took effect.", &[]),
        ("The phone company raised its tariffs by 10%.", &[]),
        ("A 60% water tariff rise was requested.", &[]),
        ("The new wi-fi tariff costs 5% more.", &[]),
        ("Feed-in tariff payments fell 20 percent.", &[]),
        ("A 30 pct tariff increase on power was approved.", &[]),
        ("Exports fell 33 pct because of the duties.", &[]),
        ("Tariffs pushed prices up 20 percent.", &[]),
        (
            "Income tax will rise to 50% under the plan, not tariffs.",
            &[],
        ),
        ("The heavy-duty truck output rose 8.5 pct.", &[]),
        ("Stamp duty rose 140 pct in the year.", &[]),
        ("The 15 pct export tax on lumber stays.", &[]),
        ("A zero tariff applies, and trade is duty-free.", &[]),
        ("Growth slowed to 6.5 percent as tariffs bit.", &[]),
        ("The freight was quoted at 135 pct of tariff.", &[]),
        ("The survey found 49% opposed the tariffs.", &[]),
        (
            "The bank cut its discount rate to three pct from 3.5 pct.",
            &[],
        ),
    ]);
}

#[test]
fn a_level_stated_right_after_the_tariff_sentence() {
    check(&[(
        "A cut in the soybean import tariff was agreed. He said the cut to 3.5 from seven \
         pct was approved.",
        &[3.5, 7.0],
    )]);
    check(&[(
        "Prices rose. He said the cut to 3.5 from seven pct was approved.",
        &[],
    )]);
}

#[test]
fn imposer_target_and_product() {
    let got = tariffs("Washington doubled tariffs on Indian goods to 50 per cent.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("US"));
    assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("IN"));
    assert_eq!(got[0].product, None);

    let got = tariffs("China will impose a 25 percent tariff on US soybeans.");
    assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("CN"));
    assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("US"));
    assert_eq!(got[0].product.as_deref(), Some("soybeans"));

    let got = tariffs("The United States put a 25-percent tariff on steel imports from China.");
    assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("US"));
    assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("CN"));
    assert_eq!(got[0].product.as_deref(), Some("steel"));

    // The target nearest the rate, not an earlier "from" of another clause.
    let got = tariffs(
        "Bogota agreed to accept flights from the United States after Washington \
         threatened to impose a 25 percent tariff on all Colombian goods.",
    );
    assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("US"));
    assert_eq!(got[0].target.map(|c| c.to_string()).as_deref(), Some("CO"));

    // Overlapping country mentions ("Israeli-Egyptian") before a rate are read safely.
    tariffs(
        "Goods from the zones enjoy duty free access to the US, provided that 35% of \
         their parts come from Israeli-Egyptian cooperation.",
    );

    let got = tariffs("A duty of 6% on imported rice stays in force, the ministry said.");
    assert_eq!(got[0].product.as_deref(), Some("rice"));

    let got = tariffs("A 10 pct duty on imported steel was set.");
    assert_eq!(got[0].imposer, None);
    assert_eq!(got[0].target, None);
    assert_eq!(got[0].product.as_deref(), Some("steel"));
    assert_eq!(got[0].text, "A 10 pct duty on imported steel was set.");
}

#[test]
fn rates_before_a_noun_compound_or_a_tariff_head() {
    check(&[
        (
            "The bloc keeps a standard 10% car import duty in place.",
            &[10.0],
        ),
        (
            "Officials announced a 10 percent baseline tariff on imports from most countries.",
            &[10.0],
        ),
        ("Mills pay a 25 pct U.S. tariff on the coils.", &[25.0]),
        (
            "Growers fought a proposed 40 pct European Union (EU) levy on palm oil imports.",
            &[40.0],
        ),
        (
            "Mills face duties of up to 30 percent on some pipes, on top of the 10 percent \
             baseline.",
            &[30.0, 10.0],
        ),
        (
            "Washington raised tariffs on the region in March. Firms that pass the new \
             checks will keep the 15 percent rate agreed last year.",
            &[15.0],
        ),
        (
            "The deal fixes the US tariff on most goods. Exporters said a 19 percent rate \
             was better than the 32 percent first threatened.",
            &[19.0, 32.0],
        ),
    ]);
}

#[test]
fn compounds_and_heads_that_are_no_tariff() {
    check(&[
        ("Exports fell 10 percent after tariffs took effect.", &[]),
        ("Some 20 percent face tariffs now.", &[]),
        (
            "Steel output dropped 12 percent last year despite duties.",
            &[],
        ),
        (
            "The utility sought a 10 percent water tariff for homes.",
            &[],
        ),
        (
            "Tariffs slowed the economy, which grew at a 3 percent rate.",
            &[],
        ),
        (
            "Tariffs will not change the 5 percent rate of return investors expect.",
            &[],
        ),
        (
            "The 5 percent interest rate stays despite the tariffs.",
            &[],
        ),
        (
            "Despite the tariffs, the 40 percent income tax rate stays.",
            &[],
        ),
    ]);
}

#[test]
fn levels_through_of_to_at_and_average() {
    check(&[
        (
            "The bloc will drop its remaining tariffs on farm goods, which currently \
             average about 4 percent.",
            &[4.0],
        ),
        (
            "Seoul wants a rate in line with duties of 5-10 pct offered to other partners.",
            &[5.0, 10.0],
        ),
        (
            "The new duties, mostly between 5% and 30%, cover cars, toys and shoes.",
            &[5.0, 30.0],
        ),
        (
            "Its import tariffs, ranging from a high of nearly 60 pct, drew complaints.",
            &[60.0],
        ),
        (
            "The country will impose 20 percent of tariff on cheese.",
            &[20.0],
        ),
        (
            "Washington may add another 10 percent in tariffs on the goods.",
            &[10.0],
        ),
        (
            "Duties on cocoa were cut to 15 pct from 25 pct last year. Buyers want a cut \
             to five pct, in line with their own duties.",
            &[15.0, 25.0, 5.0],
        ),
        (
            "Washers will be subject to as much as 40 percent in tariffs.",
            &[40.0],
        ),
    ]);
    check(&[
        (
            "Exports to the bloc averaged 4 percent growth despite the tariffs.",
            &[],
        ),
        ("Growth hit a high of 9 percent as tariffs fell.", &[]),
        ("Duties were lowered by 10 percent.", &[]),
        (
            "It has lowered its 30 percent tariff at a rate of about 3 percent each year.",
            &[30.0],
        ),
        ("A 10 percent rise in tariffs was approved.", &[]),
    ]);
}

#[test]
fn a_tariff_as_agent_after_by() {
    check(&[
        (
            "The White House listed the goods covered by the 100 pct tariffs.",
            &[100.0],
        ),
        ("Farmers hit by 25 percent tariffs want aid.", &[25.0]),
        ("The ministry will cut tariffs by 50 pct.", &[]),
        ("Tariffs on the parts were reduced by 5 pct.", &[]),
    ]);
}

#[test]
fn a_levy_in_a_text_about_tariffs() {
    check(&[
        (
            "Ministers threatened new tariffs on oil buyers. Officials later said buyers \
             could face a levy of 20% to 40% on everything they ship to Europe.",
            &[20.0, 40.0],
        ),
        ("The council set a levy of 5% on new homes.", &[]),
        (
            "The tariffs took effect in June. A bank levy of 0.1% stays as well.",
            &[],
        ),
        (
            "Tariffs rose. A levy of 2% on bank profits was also approved.",
            &[],
        ),
        (
            "The tariffs stay. Brokers pay a 0.2 pct levy on share transactions.",
            &[],
        ),
    ]);
}

#[test]
fn a_sentence_about_something_else_after_a_tariff_sentence() {
    check(&[
        (
            "Tariffs on the parts rose last year. Exports grew by 9 percent, compared \
             to 4 percent to other markets.",
            &[],
        ),
        (
            "Tariffs on the parts rose last year. Its shipments grew 7 percent to 18 \
             percent of imports, ahead of Japan at 12 percent.",
            &[],
        ),
        (
            "The tariffs took effect in May. In a poll, 45% called them harmful and \
             about 35% backed the tariffs.",
            &[],
        ),
    ]);
}

#[test]
fn title_counts_and_sentences_are_kept_whole() {
    let article = Article {
        title: Some("Japan sets 5 pct tariff on rice".to_string()),
        body: "No rates here.".to_string(),
        ..Article::default()
    };
    let got = extract(&article);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].rate, TariffRate(5.0));
    assert_eq!(got[0].imposer.map(|c| c.to_string()).as_deref(), Some("JP"));
}
