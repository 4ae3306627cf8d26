//! Named people, with their role or title when the article gives one.
//!
//! Takes an article body and gives each person it names once, under the longest name form the
//! article uses, in order of first mention. A person is a capitalised name with a title or
//! role word before it ("President Donald Trump", "spokesperson Geng Shuang", "Mr. Garin") or
//! one that opens with a known given name ("Hillary Clinton"); shorter forms ("Trump", "Mr
//! Trump") fold into the long one. The name machinery is the quote finder's
//! ([`super::quotes::names`]), so speakers and people agree.

use super::Person;
use super::quotes::names::Register;
use super::text::Doc;

/// Every named person in `body`, once each, under the longest name form the article uses.
pub fn extract(body: &str) -> Vec<Person> {
    from_register(&Register::build(&Doc::new(body)))
}

/// The people of a register, in order of first mention.
pub(crate) fn from_register(reg: &Register) -> Vec<Person> {
    let mut people: Vec<&super::quotes::names::Person> = reg.people.iter().collect();
    people.sort_by_key(|p| p.first);
    people
        .into_iter()
        .map(|p| Person {
            name: p.name.clone(),
            role: p.role.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        extract(text)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    fn p(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_string(), role.map(str::to_string))
    }

    #[test]
    fn people_once_each_under_the_longest_name() {
        let text = "US Secretary of State Marco Rubio flew to Kuala Lumpur. Rubio met \
                    External Affairs Minister S Jaishankar there. Later Mr. Rubio said \
                    President Donald Trump would call. Trump did not.";
        assert_eq!(
            people(text),
            [
                p("Marco Rubio", Some("Secretary of State")),
                p("S Jaishankar", Some("External Affairs Minister")),
                p("Donald Trump", Some("President")),
            ]
        );
    }

    #[test]
    fn a_title_with_of_the_is_one_role() {
        assert_eq!(
            people("British Chancellor of the Exchequer Rachel Reeves met the envoy."),
            [p("Rachel Reeves", Some("Chancellor of the Exchequer"))]
        );
    }

    #[test]
    fn given_names_make_people_without_titles() {
        let text = "Hillary Clinton won nine states; Bernie Sanders won four. Clinton \
                    leads in New Hampshire, Sanders in Vermont.";
        assert_eq!(
            people(text),
            [p("Hillary Clinton", None), p("Bernie Sanders", None)]
        );
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let cases = [
            "The New York Times and the State Department spoke in New Delhi.",
            "Relations with South Korea and Pakistan improved, the White House said.",
            "Air Force One landed at Kuala Lumpur.",
        ];
        for text in cases {
            assert_eq!(people(text), [], "{text}");
        }
    }
}
