//! Forgiving names: matching what a user types against the speakers (or people) in the index,
//! and treating the surface forms of one person across articles as one name.
//!
//! Both happen at query time, over the names the index holds now (the facet values of the
//! live articles, with their article counts). Nothing about grouping is stored, so incremental
//! re-indexing can never leave a stale grouping behind: when new articles bring a second
//! Trump as often quoted as the first, the bare "Trump" stops being merged on the very next
//! query. Building the [`Directory`] compares each form only with the forms sharing its family
//! name: a few milliseconds for tens of thousands of forms.
//!
//! A name is compared as *tokens*: folded to ASCII, lower-cased, punctuation dropped, leading
//! titles ("Secretary of State", "Mr", "President") removed. A shorter form *fits* a longer
//! one when its tokens appear in order in the longer one and the last tokens (the family name)
//! are the same, a single letter matching any word it begins ("Trump" fits "Donald Trump",
//! "S Jaishankar" fits "Subrahmanyam Jaishankar", "Donald Trump" fits "Donald J. Trump").
//! A form is merged into the person it fits when it fits one person only, or one named at
//! least five times as often as any other it fits (extracted names are noisy: a stray
//! "Real Donald Trump" must not keep "Donald Trump" apart). A form that fits two people named
//! about as often ("Wang" beside "Wang Yi" and "Wang Shouwen") stays on its own. A family name
//! alone is never merged across articles: the quote finder already resolves a surname to the
//! full name its article gives, so a bare "Browne" left in the index is someone the article
//! never named in full, and may be BP's Lord Browne rather than Des Browne. A user's surname
//! still finds every person bearing it (see [`Directory::resolve`]).
//!
//! A user's name may carry titles ("Treasury Secretary Baker", "Mrs Clinton"): the words before
//! the longest tail that names someone are titles, and [`narrow`] keeps the people they fit.

use rustc_hash::FxHashMap as HashMap;

use super::kinds;

/// Words that introduce a name without being part of it, removed from the front.
const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen",
    "deputy",
    "foreign",
    "finance",
    "trade",
    "commerce",
    "defence",
    "defense",
    "state",
    "external",
    "affairs",
    "interior",
    "home",
    "chancellor",
    "premier",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "judge",
    "justice",
    "attorney",
    "commissioner",
    "director",
    "leader",
    "speaker",
    "envoy",
    "of",
    "the",
    "us",
    "uk",
    "eu",
    "field",
    "marshal",
    "army",
    "admiral",
    "col",
    "colonel",
    "lt",
    "captain",
    "capt",
    "rev",
    "reverend",
    "father",
    "pope",
    "former",
    "then",
    "acting",
];

/// Words that end a name without telling people apart.
const SUFFIX_WORDS: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The comparable tokens of a name, leading titles removed.
pub fn tokens(name: &str) -> Vec<String> {
    let mut tokens = raw_tokens(name);
    // Drop leading title words, but never the last token: "President" alone stays a name.
    let lead = tokens
        .iter()
        .take(tokens.len().saturating_sub(1))
        .take_while(|t| TITLE_WORDS.contains(&t.as_str()))
        .count();
    tokens.drain(..lead);
    tokens
}

/// The comparable tokens of a name with any titles kept: folded to ASCII, lower-cased,
/// punctuation dropped, name suffixes ("Jr") removed.
pub fn raw_tokens(name: &str) -> Vec<String> {
    let folded = if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(name))
    };
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '.' || c == '\'' {
            // "U.S." is one word, "J." an initial, "O'Brien" one name.
        } else if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    while tokens.len() > 1 && SUFFIX_WORDS.contains(&tokens[tokens.len() - 1].as_str()) {
        tokens.pop();
    }
    tokens
}

/// Whether two tokens are equal once German umlauts written out are folded back, so that
/// "Pöhl" (folded to "pohl"), "Poehl" and "Pohl" compare equal.
fn umlaut_eq(a: &str, b: &str) -> bool {
    a == b || umlaut_folded(a).eq(umlaut_folded(b))
}

/// A token's characters with the `e` of a written-out umlaut ("oe", "ue", "ae") dropped.
fn umlaut_folded(token: &str) -> impl Iterator<Item = char> + '_ {
    let mut before = ' ';
    token.chars().filter(move |&c| {
        let keep = !(c == 'e' && matches!(before, 'o' | 'u' | 'a'));
        before = c;
        keep
    })
}

/// Two tokens name the same word: equal, or one is an initial of the other.
fn token_eq(a: &str, b: &str) -> bool {
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

/// Whether `short` fits `long`: its tokens appear in order in `long`, and the last tokens (the
/// family name, never an initial) are the same.
pub fn fits(short: &[String], long: &[String]) -> bool {
    fits_by(short, long, |a, b| a == b, |a, b| token_eq(a, b))
}

/// [`fits`] over any token types, given exact and initial-aware equality.
fn fits_by<S, L>(
    short: &[S],
    long: &[L],
    same: impl Fn(&S, &L) -> bool,
    eq: impl Fn(&S, &L) -> bool,
) -> bool {
    let (Some(s_last), Some(l_last)) = (short.last(), long.last()) else {
        return false;
    };
    if short.len() > long.len() || !same(s_last, l_last) {
        return false;
    }
    let mut rest = long[..long.len() - 1].iter();
    short[..short.len() - 1]
        .iter()
        .all(|s| rest.any(|l| eq(s, l)))
}

/// How many times more often one person must be named than any other a form fits, for the
/// form to be taken as theirs ("Trump" beside 900 "Donald Trump" and 20 "Eric Trump"). A form
/// that fits one person only is always theirs.
const DOMINANCE: u64 = 5;

/// The root among `roots` a form belongs to: the only one, or one named at least
/// [`DOMINANCE`] times as often as each other.
fn dominant(roots: &[usize], count: &[u64]) -> Option<usize> {
    let mut ranked: Vec<usize> = roots.to_vec();
    ranked.sort_by(|a, b| count[*b].cmp(&count[*a]).then(a.cmp(b)));
    match ranked.as_slice() {
        [] => None,
        [only] => Some(*only),
        [top, second, ..] => (count[*top] >= DOMINANCE * count[*second].max(1)).then_some(*top),
    }
}

/// One person: every surface form found for them, and the name shown for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The name shown: the most used form of two or more tokens (else the most used form).
    pub name: String,
    /// Every form as it appears in the index.
    pub members: Vec<String>,
    /// Sum of the members' counts.
    pub count: u64,
}

/// Every name in the index, grouped by person.
#[derive(Debug, Default, Clone)]
pub struct Directory {
    groups: Vec<Group>,
    /// Each form's index in `forms`, by form.
    by_name: HashMap<String, usize>,
    forms: Vec<Form>,
    /// Token text by token id.
    vocab: Vec<String>,
}

/// One form: its tokens (as ids into `vocab`) and its group.
#[derive(Debug, Clone)]
struct Form {
    key: Vec<u32>,
    group: usize,
}

/// Distinct keys (token sequences) with their forms, for grouping.
struct Key {
    tokens: Vec<u32>,
    forms: Vec<usize>,
    count: u64,
    /// (tokens, characters): more of either is more specific.
    weight: (usize, usize),
    /// Whether some form of it is written as a name: no common words ("supporters of Hillary
    /// Clinton" holds the tokens of "Hillary Clinton" but is not her).
    named: bool,
}

/// Whether a name is written as a name: every word capitalised but the small words inside
/// family names ("Charles de Gaulle").
fn written_as_name(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        w.chars().next().is_none_or(|c| !c.is_lowercase())
            || matches!(
                w,
                "de" | "da"
                    | "di"
                    | "do"
                    | "dos"
                    | "das"
                    | "del"
                    | "della"
                    | "der"
                    | "den"
                    | "van"
                    | "von"
                    | "le"
                    | "la"
                    | "du"
                    | "bin"
                    | "ibn"
                    | "al"
                    | "el"
                    | "y"
                    | "ben"
                    | "abu"
                    | "ter"
                    | "ten"
            )
    })
}

/// The names given, their tokens numbered, and forms of the same tokens keyed together.
struct Keyed {
    ids: HashMap<String, u32>,
    vocab: Vec<String>,
    names_counts: Vec<(String, u64)>,
    forms: Vec<Form>,
    keys: Vec<Key>,
}

impl Keyed {
    /// Forms with the same tokens are one key ("Marco Rubio", "MARCO RUBIO" and "Mr Marco
    /// Rubio" are one; "Mr Rubio" is another).
    fn new(names: impl IntoIterator<Item = (String, u64)>) -> Keyed {
        let mut keyed = Keyed {
            ids: HashMap::default(),
            vocab: Vec::new(),
            names_counts: Vec::new(),
            forms: Vec::new(),
            keys: Vec::new(),
        };
        let mut key_index: HashMap<Vec<u32>, usize> = HashMap::default();
        for (name, count) in names {
            let words = tokens(&name);
            // Initials alone ("T", "J. R.") name nobody in particular.
            if words.iter().all(|t| t.chars().count() == 1) {
                continue;
            }
            let weight = (words.len(), words.iter().map(String::len).sum());
            let key: Vec<u32> = words.into_iter().map(|w| keyed.id(w)).collect();
            let form = keyed.forms.len();
            let keys = &mut keyed.keys;
            let k = *key_index.entry(key.clone()).or_insert_with(|| {
                keys.push(Key {
                    tokens: key.clone(),
                    forms: Vec::new(),
                    count: 0,
                    weight,
                    named: false,
                });
                keys.len() - 1
            });
            keys[k].forms.push(form);
            keys[k].named |= written_as_name(&name);
            keys[k].count += count;
            keyed.forms.push(Form { key, group: 0 });
            keyed.names_counts.push((name, count));
        }
        keyed
    }

    /// The number of a token, given the next one when it is new.
    fn id(&mut self, word: String) -> u32 {
        let next = self.vocab.len() as u32;
        let vocab = &mut self.vocab;
        *self.ids.entry(word).or_insert_with_key(|w| {
            vocab.push(w.clone());
            next
        })
    }

    /// The keys, most specific first, so that every key a key may merge into is settled
    /// before it.
    fn settling_order(&self) -> Vec<usize> {
        let keys = &self.keys;
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| {
            keys[b]
                .weight
                .cmp(&keys[a].weight)
                .then_with(|| keys[a].tokens.cmp(&keys[b].tokens))
        });
        order
    }

    /// Each key's root: the key it is merged into, itself when it stays apart.
    ///
    /// A key can only fit keys that end as it does and hold its first word, so settled keys
    /// are indexed by last token and by (last token, earlier token): each key is compared
    /// with few others.
    fn roots(&self, order: &[usize]) -> Vec<usize> {
        let keys = &self.keys;
        let mut root_of: Vec<usize> = vec![0; keys.len()];
        let mut root_count: Vec<u64> = vec![0; keys.len()];
        let mut settled = Settled::default();
        let mut roots: Vec<usize> = Vec::new();
        for &k in order {
            let key = &keys[k].tokens;
            roots.clear();
            roots.extend(self.fitted(k, &settled).into_iter().map(|j| root_of[j]));
            roots.sort_unstable();
            roots.dedup();
            let root = dominant(&roots, &root_count).unwrap_or(k);
            root_of[k] = root;
            root_count[root] += keys[k].count;
            settled.add(k, key);
        }
        root_of
    }

    /// The settled keys that key `k` fits. A family name alone is merged with nobody (see the
    /// module doc), nor is a phrase that is not written as a name, or merged into one.
    fn fitted(&self, k: usize, settled: &Settled) -> Vec<usize> {
        let (keys, vocab) = (&self.keys, &self.vocab);
        let key = &keys[k].tokens;
        let (first, last) = (key[0], key[key.len() - 1]);
        if key.len() == 1 || !keys[k].named {
            return Vec::new();
        }
        let eq = |a: &u32, b: &u32| a == b || token_eq(&vocab[*a as usize], &vocab[*b as usize]);
        let fits = |j: &usize| keys[*j].named && fits_by(key, &keys[*j].tokens, |a, b| a == b, eq);
        if vocab[first as usize].chars().count() == 1 {
            return settled.ending(last).iter().copied().filter(fits).collect();
        }
        // The first word or its initial must be in the longer form.
        let initial = vocab[first as usize].chars().next().map(String::from);
        let initial = initial.and_then(|i| self.ids.get(&i).copied());
        std::iter::once(first)
            .chain(initial)
            .flat_map(|word| settled.ending_with(last, word).iter().copied().filter(fits))
            .collect()
    }

    /// One group per root, in the order keys were settled; each form learns its group.
    fn groups(&mut self, order: &[usize], root_of: &[usize]) -> Vec<Group> {
        let mut group_of_root: HashMap<usize, usize> = HashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for &k in order {
            let g = *group_of_root.entry(root_of[k]).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            for &f in &self.keys[k].forms {
                self.forms[f].group = g;
                members[g].push(f);
            }
        }
        members.into_iter().map(|m| self.group(m)).collect()
    }

    /// A group of forms, shown by the most used form of two or more tokens, else the most
    /// used form.
    fn group(&self, mut member_forms: Vec<usize>) -> Group {
        let names_counts = &self.names_counts;
        let shown = member_forms
            .iter()
            .max_by(|&&a, &&b| {
                let rank = |f: usize| {
                    let (name, count) = &names_counts[f];
                    (self.forms[f].key.len() >= 2, *count, name.len())
                };
                rank(a)
                    .cmp(&rank(b))
                    .then_with(|| names_counts[b].0.cmp(&names_counts[a].0))
            })
            .map(|&f| names_counts[f].0.clone())
            .unwrap_or_default();
        member_forms.sort_by(|&a, &b| names_counts[a].0.cmp(&names_counts[b].0));
        Group {
            name: shown,
            count: member_forms.iter().map(|&f| names_counts[f].1).sum(),
            members: member_forms
                .iter()
                .map(|&f| names_counts[f].0.clone())
                .collect(),
        }
    }
}

/// The keys settled so far, by last token and by (last token, earlier token).
#[derive(Default)]
struct Settled {
    by_last: HashMap<u32, Vec<usize>>,
    by_pair: HashMap<(u32, u32), Vec<usize>>,
}

impl Settled {
    fn add(&mut self, k: usize, key: &[u32]) {
        let last = key[key.len() - 1];
        self.by_last.entry(last).or_default().push(k);
        for &word in &key[..key.len() - 1] {
            let entry = self.by_pair.entry((last, word)).or_default();
            if entry.last() != Some(&k) {
                entry.push(k);
            }
        }
    }

    fn ending(&self, last: u32) -> &[usize] {
        self.by_last.get(&last).map_or(&[], Vec::as_slice)
    }

    fn ending_with(&self, last: u32, word: u32) -> &[usize] {
        self.by_pair.get(&(last, word)).map_or(&[], Vec::as_slice)
    }
}

impl Directory {
    /// Group names given with their counts (articles naming them).
    pub fn build(names: impl IntoIterator<Item = (String, u64)>) -> Directory {
        let mut keyed = Keyed::new(names);
        let order = keyed.settling_order();
        let root_of = keyed.roots(&order);
        let groups = keyed.groups(&order, &root_of);
        let Keyed {
            names_counts,
            forms,
            vocab,
            ..
        } = keyed;
        let by_name = names_counts
            .into_iter()
            .enumerate()
            .map(|(i, (name, _))| (name, i))
            .collect();
        Directory {
            groups,
            by_name,
            forms,
            vocab,
        }
    }

    /// The group a form belongs to.
    pub fn group_of(&self, form: &str) -> Option<&Group> {
        self.by_name
            .get(form)
            .map(|&f| &self.groups[self.forms[f].group])
    }

    /// Every group.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The people a user's name fits, most counted first (see [`Directory::resolve_titled`];
    /// titles are not applied here).
    pub fn resolve(&self, query: &str) -> Vec<&Group> {
        self.resolve_titled(query).groups
    }

    /// Split a user's name into titles and name, and find the people the name fits.
    ///
    /// The name is the longest tail of the words that fits someone ("Treasury Secretary
    /// Baker" is "Baker" with the titles "treasury secretary"); a known given name is never
    /// taken for a title. Failing that, a one-word name finds every person with a form holding
    /// the word ("Marco"). Names are compared as written, then with umlauts folded ("Poehl"
    /// finds "Pöhl"). When nothing fits, people whose family name is one or two letters off
    /// are offered as suggestions.
    pub fn resolve_titled(&self, query: &str) -> Resolution<'_> {
        let raw = raw_tokens(query);
        let mut out = Resolution::default();
        if raw.is_empty() {
            return out;
        }
        let text = |id: &u32| self.vocab[*id as usize].as_str();
        let same = |w: &String, k: &u32| umlaut_eq(w, text(k));
        let eq = |w: &String, k: &u32| same(w, k) || token_eq(w, text(k));
        for at in 0..raw.len() {
            if at > 0 {
                let dropped = raw[at - 1].as_str();
                if kinds::is_given_name(dropped)
                    && !TITLE_WORDS.contains(&dropped)
                    && !kinds::is_title_word(dropped)
                {
                    break;
                }
            }
            let wanted = &raw[at..];
            // A family name may be written first ("Xi" for "Xi Jinping"): a lone word that is
            // no given name also finds the two-word names it begins.
            let family_first = wanted.len() == 1 && !kinds::is_given_name(&wanted[0]);
            let found = self.matching(|key| {
                fits_by(wanted, key, same, eq)
                    || (family_first && key.len() == 2 && same(&wanted[0], &key[0]))
            });
            if !found.is_empty() {
                out.groups = found;
                out.titles = raw[..at].to_vec();
                out.name = wanted.to_vec();
                return out;
            }
        }
        let wanted = tokens(query);
        if let [word] = wanted.as_slice() {
            let found = self.matching(|key| key.iter().any(|t| same(word, t)));
            if !found.is_empty() {
                out.groups = found;
                out.name = wanted;
                return out;
            }
        }
        out.suggestions = self.near_misses(&tokens(query));
        out
    }

    /// People whose family name is one or two edits from the last word of `wanted` (one for
    /// short names), most counted first.
    fn near_misses(&self, wanted: &[String]) -> Vec<&Group> {
        let Some(last) = wanted.last() else {
            return Vec::new();
        };
        let reach = if last.chars().count() <= 4 { 1 } else { 2 };
        if last.chars().count() < 3 {
            return Vec::new();
        }
        let distance = |key: &[u32]| {
            key.last()
                .map(|t| edit_distance(last, &self.vocab[*t as usize]))
                .filter(|d| (1..=reach).contains(d))
        };
        // The nearest only: "Yeutter" one letter off, not "Reuters" two off as well.
        let Some(nearest) = self.forms.iter().filter_map(|f| distance(&f.key)).min() else {
            return Vec::new();
        };
        let mut found = self.matching(|key| distance(key) == Some(nearest));
        // Offer names, not phrases about someone ("spokesman for Yeutter").
        found.retain(|g| written_as_name(&g.name));
        found.truncate(SUGGESTIONS);
        found
    }

    fn matching(&self, test: impl Fn(&[u32]) -> bool) -> Vec<&Group> {
        let mut groups: Vec<usize> = self
            .forms
            .iter()
            .filter(|form| test(&form.key))
            .map(|form| form.group)
            .collect();
        groups.sort_unstable();
        groups.dedup();
        let mut found: Vec<&Group> = groups.into_iter().map(|g| &self.groups[g]).collect();
        found.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        found
    }
}

/// How many near misses a "did you mean" offers.
const SUGGESTIONS: usize = 3;

/// A user's name, resolved.
#[derive(Debug, Default)]
pub struct Resolution<'a> {
    /// The people the name fits, most counted first.
    pub groups: Vec<&'a Group>,
    /// The words before the name, taken as titles (tokens).
    pub titles: Vec<String>,
    /// The name's own tokens.
    pub name: Vec<String>,
    /// When nothing fits: people whose family name is a letter or two off.
    pub suggestions: Vec<&'a Group>,
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Words that narrow by manner of address, not by office ("Mr", "Mrs", "Lord").
const COURTESY: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "madam", "mme", "dr",
];

/// Small words inside a title ("Secretary of State") that say nothing by themselves.
const TITLE_FILLER: &[&str] = &["of", "the", "for", "and", "former", "then", "acting"];

/// Keep the people that titles fit, most counted first. `roles` gives the words of a person's
/// roles (offices and affiliations the speaker directory holds for them).
///
/// A courtesy title narrows by gender when the person's given name or a titled form tells it
/// ("Mrs Clinton" is not Bill Clinton); with a family name alone it means the one person the
/// news calls so, when one is named far more often than the rest ("Mr Blair"). Every other
/// title word narrows to the people whose roles hold it ("Prime Minister Blair", "Fed
/// Chairman Greenspan": "fed" begins "Federal"); a word no candidate's roles hold is dropped,
/// never a reason to find nobody.
pub fn narrow<'a>(
    groups: Vec<&'a Group>,
    titles: &[String],
    name: &[String],
    roles: impl Fn(&Group) -> Vec<String>,
) -> Vec<&'a Group> {
    if titles.is_empty() || groups.len() < 2 {
        return groups;
    }
    let mut kept = groups;
    let gender = titles.iter().find_map(|t| kinds::title_gender(t));
    if let Some(wanted) = gender {
        let fitting: Vec<&Group> = kept
            .iter()
            .copied()
            .filter(|g| gender_of(g).is_none_or(|g| g == wanted))
            .collect();
        if !fitting.is_empty() {
            kept = fitting;
        }
    }
    let offices: Vec<&String> = titles
        .iter()
        .filter(|t| !COURTESY.contains(&t.as_str()) && !TITLE_FILLER.contains(&t.as_str()))
        .collect();
    if !offices.is_empty() && kept.len() > 1 {
        let held: Vec<Vec<String>> = kept.iter().map(|g| roles(g)).collect();
        for office in offices {
            let holds = |words: &Vec<String>| {
                words
                    .iter()
                    .any(|w| w == office || (office.len() >= 3 && w.starts_with(office.as_str())))
            };
            if held.iter().any(holds) {
                kept = kept
                    .iter()
                    .zip(&held)
                    .filter(|(_, words)| holds(words))
                    .map(|(g, _)| *g)
                    .collect();
                if kept.len() == 1 {
                    return kept;
                }
            }
        }
    }
    let courtesy = titles.iter().any(|t| COURTESY.contains(&t.as_str()));
    if courtesy && name.len() == 1 && kept.len() > 1 {
        // A family name alone left in the index ("Blair") is what the user typed, so it stays;
        // the people named in full compete.
        let (bare, full): (Vec<&Group>, Vec<&Group>) =
            kept.iter().partition(|g| tokens(&g.name).len() == 1);
        let counts: Vec<u64> = full.iter().map(|g| g.count).collect();
        let all: Vec<usize> = (0..full.len()).collect();
        if let Some(top) = dominant(&all, &counts) {
            let mut chosen = vec![full[top]];
            chosen.extend(bare);
            chosen.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
            return chosen;
        }
    }
    kept
}

/// The gender a person's forms tell: a courtesy title in a form ("Mrs Thatcher"), else the
/// first given name among the forms' words.
fn gender_of(group: &Group) -> Option<kinds::Gender> {
    let mut found = None;
    for form in &group.members {
        let words = raw_tokens(form);
        let told = words
            .first()
            .and_then(|w| kinds::title_gender(w).filter(|_| COURTESY.contains(&w.as_str())))
            .or_else(|| words.iter().find_map(|w| kinds::given_name_gender(w)));
        match (found, told) {
            (_, None) => {}
            (None, Some(g)) => found = Some(g),
            (Some(a), Some(b)) if a != b => return None,
            _ => {}
        }
    }
    found
}

/// Whether a user's word sequence names an organisation or source: its words appear together
/// in the value, or it is the value's acronym ("WTO" for "World Trade Organization").
pub fn label_matches(query: &str, value: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        deunicode::deunicode(s)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let q = words(query);
    let v = words(value);
    if q.is_empty() {
        return false;
    }
    if v.windows(q.len()).any(|w| w == q.as_slice()) {
        return true;
    }
    let acronym: String = v
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "on"))
        .filter_map(|w| w.chars().next())
        .collect();
    q.len() == 1 && acronym.len() > 1 && q[0] == acronym
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(names: &[(&str, u64)]) -> Directory {
        Directory::build(names.iter().map(|(n, c)| (n.to_string(), *c)))
    }

    fn resolved(d: &Directory, q: &str) -> Vec<String> {
        d.resolve(q).iter().map(|g| g.name.clone()).collect()
    }

    #[test]
    fn tokens_fold_case_diacritics_and_titles() {
        let table: &[(&str, &[&str])] = &[
            ("Marco Rubio", &["marco", "rubio"]),
            ("Secretary of State Marco Rubio", &["marco", "rubio"]),
            ("US Secretary Rubio", &["rubio"]),
            ("Mr. Rubio", &["rubio"]),
            ("Pedro Sánchez", &["pedro", "sanchez"]),
            ("Martin Luther King Jr.", &["martin", "luther", "king"]),
            ("President", &["president"]),
            ("Conan O'Brien", &["conan", "obrien"]),
            ("", &[]),
        ];
        for (name, want) in table {
            assert_eq!(tokens(name), *want, "{name}");
        }
    }

    #[test]
    fn fits_table() {
        let t = |s: &str| tokens(s);
        let table = [
            ("Rubio", "Marco Rubio", true),
            ("Marco Rubio", "Marco Rubio", true),
            ("S Jaishankar", "Subrahmanyam Jaishankar", true),
            ("Jaishankar", "S Jaishankar", true),
            ("Donald Trump", "Donald J. Trump", true),
            ("Marco", "Marco Rubio", false),
            ("Ivanka Trump", "Donald Trump", false),
            ("Marco Rubio", "Rubio", false),
            ("Trump", "Trumpet", false),
            ("Trump", "T", false),
            ("Rubio", "Marco R", false),
        ];
        for (short, long, want) in table {
            assert_eq!(fits(&t(short), &t(long)), want, "{short} in {long}");
        }
    }

    #[test]
    fn surface_forms_of_one_person_are_one_group() {
        let d = dir(&[
            ("Donald Trump", 40),
            ("Trump", 12),
            ("President Donald Trump", 3),
            ("S Jaishankar", 5),
            ("Subrahmanyam Jaishankar", 1),
            ("Xi Jinping", 7),
            ("Xi", 2),
            ("Hillary Clinton", 30),
            ("Hillary Rodham Clinton", 5),
            ("supporters of Democrat Hillary Clinton", 3),
            ("spokeswoman for Hillary Clinton", 2),
        ]);
        let trump = d.group_of("Donald Trump").unwrap();
        assert_eq!(trump.count, 43);
        assert_eq!(trump.members, ["Donald Trump", "President Donald Trump"]);
        assert_eq!(d.group_of("S Jaishankar").unwrap().name, "S Jaishankar");
        assert_eq!(d.group_of("Subrahmanyam Jaishankar").unwrap().count, 6);
        // A middle name does not make a second person; a phrase about her is not her.
        let hillary = d.group_of("Hillary Rodham Clinton").unwrap();
        assert_eq!(hillary.name, "Hillary Clinton");
        assert_eq!(
            hillary.members,
            ["Hillary Clinton", "Hillary Rodham Clinton"]
        );
        assert_eq!(
            d.group_of("spokeswoman for Hillary Clinton")
                .unwrap()
                .members,
            ["spokeswoman for Hillary Clinton"]
        );
    }

    #[test]
    fn a_family_name_alone_is_never_merged_across_articles() {
        // BP's Lord Browne is not Des Browne; Emery Air Freight is not John C. Emery.
        let d = dir(&[
            ("Des Browne", 30),
            ("Lord Browne", 2),
            ("John C. Emery", 5),
            ("Emery", 3),
            ("Donald Trump", 40),
            ("Trump", 12),
            ("Xi Jinping", 7),
            ("Xi", 2),
        ]);
        for (form, alone) in [
            ("Lord Browne", "Lord Browne"),
            ("Emery", "Emery"),
            ("Trump", "Trump"),
            ("Xi", "Xi"),
        ] {
            assert_eq!(d.group_of(form).unwrap().members, [alone], "{form}");
        }
        assert_eq!(d.groups().len(), 8);
        // A surname still finds everyone bearing it.
        assert_eq!(resolved(&d, "browne"), ["Des Browne", "Lord Browne"]);
        assert_eq!(resolved(&d, "Xi"), ["Xi Jinping", "Xi"]);
    }

    #[test]
    fn a_form_that_fits_two_people_named_as_often_stays_apart() {
        let d = dir(&[("Donald Trump", 40), ("Ivanka Trump", 20), ("Trump", 12)]);
        assert_eq!(d.groups().len(), 3);
        assert_eq!(d.group_of("Trump").unwrap().members, ["Trump"]);
        assert_eq!(
            resolved(&d, "trump"),
            ["Donald Trump", "Ivanka Trump", "Trump"]
        );
        assert_eq!(resolved(&d, "Donald Trump"), ["Donald Trump"]);
        let d = dir(&[("Wang Yi", 30), ("Wang Shouwen", 25), ("Wang", 9)]);
        assert_eq!(d.groups().len(), 3);
    }

    #[test]
    fn a_form_goes_to_the_person_named_far_more_often() {
        let d = dir(&[
            ("Donald Trump", 900),
            ("Donald J. Trump", 120),
            ("Real Donald Trump", 12),
            ("Eric Trump", 20),
            ("Trump", 9),
            ("T", 3),
        ]);
        let trump = d.group_of("Donald J. Trump").unwrap();
        assert_eq!(trump.name, "Donald Trump");
        assert_eq!(trump.members, ["Donald J. Trump", "Donald Trump"]);
        assert_eq!(d.group_of("Eric Trump").unwrap().members, ["Eric Trump"]);
        // A lone initial is nobody.
        assert_eq!(d.group_of("T"), None);
        assert_eq!(
            resolved(&d, "trump"),
            ["Donald Trump", "Eric Trump", "Real Donald Trump", "Trump"]
        );
    }

    #[test]
    fn user_names_resolve_forgivingly() {
        let d = dir(&[
            ("Marco Rubio", 9),
            ("S Jaishankar", 5),
            ("José Manuel Barroso", 2),
            ("Xi Jinping", 7),
        ]);
        let table: &[(&str, &[&str])] = &[
            ("rubio", &["Marco Rubio"]),
            ("Marco Rubio", &["Marco Rubio"]),
            ("Secretary Rubio", &["Marco Rubio"]),
            ("RUBIO", &["Marco Rubio"]),
            ("Jaishankar", &["S Jaishankar"]),
            ("barroso", &["José Manuel Barroso"]),
            ("Jose Barroso", &["José Manuel Barroso"]),
            ("Xi", &["Xi Jinping"]),
            ("Marco", &["Marco Rubio"]),
            ("Rubios", &[]),
            ("Luis Rubio", &[]),
            ("", &[]),
        ];
        for (q, want) in table {
            assert_eq!(resolved(&d, q), *want, "{q}");
        }
    }

    fn titled(d: &Directory, q: &str, roles: &[(&str, &str)]) -> Vec<String> {
        let r = d.resolve_titled(q);
        let role_words = |g: &Group| -> Vec<String> {
            roles
                .iter()
                .filter(|(name, _)| *name == g.name)
                .flat_map(|(_, role)| raw_tokens(role))
                .collect()
        };
        narrow(r.groups, &r.titles, &r.name, role_words)
            .iter()
            .map(|g| g.name.clone())
            .collect()
    }

    #[test]
    fn titles_narrow_to_the_person_meant() {
        let d = dir(&[
            ("Tony Blair", 90),
            ("Blair", 4),
            ("Cherie Blair", 3),
            ("Ian Blair", 2),
            ("Hillary Clinton", 226),
            ("Bill Clinton", 26),
            ("James Baker", 122),
            ("Howard Baker", 9),
            ("Alan Greenspan", 14),
            ("Greenspan", 2),
            ("Richard Lyng", 42),
            ("aide to Lyng", 5),
        ]);
        let roles = [
            ("Tony Blair", "Prime Minister"),
            ("Ian Blair", "Police Commissioner"),
            ("James Baker", "Treasury Secretary"),
            ("Howard Baker", "White House chief of staff"),
            ("Alan Greenspan", "Federal Reserve Board Chairman"),
            ("Richard Lyng", "Agriculture Secretary"),
        ];
        let table: &[(&str, &[&str])] = &[
            ("Treasury Secretary Baker", &["James Baker"]),
            ("Secretary of the Treasury James Baker", &["James Baker"]),
            ("Fed Chairman Greenspan", &["Alan Greenspan"]),
            ("Agriculture Secretary Lyng", &["Richard Lyng"]),
            ("Prime Minister Blair", &["Tony Blair"]),
            ("Mr Blair", &["Tony Blair", "Blair"]),
            ("Mr. Blair", &["Tony Blair", "Blair"]),
            ("Mrs Clinton", &["Hillary Clinton"]),
            ("Mr Clinton", &["Bill Clinton"]),
            // An unknown title word is dropped, not a reason to find nobody.
            ("Grand Poobah Baker", &["James Baker", "Howard Baker"]),
            ("Baker", &["James Baker", "Howard Baker"]),
            // A given name is never taken for a title.
            ("Luis Blair", &[]),
        ];
        for (q, want) in table {
            assert_eq!(titled(&d, q, &roles), *want, "{q}");
        }
    }

    #[test]
    fn umlauts_compare_folded_and_near_misses_are_offered() {
        let d = dir(&[
            ("Karl Otto Poehl", 17),
            ("Clayton Yeutter", 66),
            ("Reuters", 9),
            ("Pew Research Center", 3),
            ("spokesman for Yeutter", 2),
        ]);
        assert_eq!(resolved(&d, "Pöhl"), ["Karl Otto Poehl"]);
        assert_eq!(resolved(&d, "Pohl"), ["Karl Otto Poehl"]);
        assert_eq!(resolved(&d, "Karl Otto Pöhl"), ["Karl Otto Poehl"]);
        let miss = d.resolve_titled("Yeuter");
        assert!(miss.groups.is_empty());
        let offered: Vec<&str> = miss.suggestions.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(offered, ["Clayton Yeutter"]);
        // Too far, or too short to guess at.
        assert!(d.resolve_titled("Yoota").suggestions.is_empty());
        assert!(d.resolve_titled("Xu").suggestions.is_empty());
        assert_eq!(edit_distance("yeuter", "yeutter"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn labels_match_by_words_or_acronym() {
        let table = [
            ("WTO", "World Trade Organization", true),
            ("world trade", "World Trade Organization", true),
            ("Reuters", "Reuters", true),
            ("bbc", "BBC News", true),
            ("trade world", "World Trade Organization", false),
            ("IMF", "World Trade Organization", false),
            ("W", "World", false),
        ];
        for (q, v, want) in table {
            assert_eq!(label_matches(q, v), want, "{q} / {v}");
        }
    }
}
