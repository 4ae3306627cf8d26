//! Word lists kept in `data/` files: one word or phrase a line, `#` starting a comment line,
//! and in a file of several lists a `[section]` header before each. The files are compiled in
//! with `include_str!` and read once, on first use; a list missing from its bundled file is a
//! build mistake, reported by a panic that names the file and the section.

/// The sections of one bundled word-list file.
pub struct Sections {
    file: &'static str,
    sections: Vec<(&'static str, Vec<&'static str>)>,
}

impl Sections {
    /// The sections of `text`, the contents of the bundled file `file` (named in panics).
    pub fn parse(file: &'static str, text: &'static str) -> Sections {
        let mut sections: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for line in words(text) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                sections.push((name, Vec::new()));
                continue;
            }
            match sections.last_mut() {
                Some((_, words)) => words.push(line),
                None => panic!("{file}: \"{line}\" stands before the first [section]"),
            }
        }
        Sections { file, sections }
    }

    /// The words of section `name`, in the file's order, kept for the life of the program.
    pub fn take(&mut self, name: &str) -> &'static [&'static str] {
        let Some(at) = self.sections.iter().position(|(n, _)| *n == name) else {
            panic!("{}: no [{name}] section", self.file);
        };
        self.sections.swap_remove(at).1.leak()
    }

    /// Check that every section of the file was taken: a section no code reads is a typo.
    pub fn finish(self) {
        if let Some((name, _)) = self.sections.first() {
            panic!("{}: nothing reads the [{name}] section", self.file);
        }
    }
}

/// The lines of a one-list file (or of a whole sectioned file, headers included): trimmed,
/// without blank lines and comments.
pub fn words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str =
        "# a test file\n\n[first]\n# the first list\nalpha\n beta \n\n[second]\ngamma\n";

    #[test]
    fn sections_keep_their_words_in_order() {
        let mut file = Sections::parse("test.txt", FILE);
        assert_eq!(file.take("second"), ["gamma"]);
        assert_eq!(file.take("first"), ["alpha", "beta"]);
        file.finish();
    }

    #[test]
    #[should_panic(expected = "test.txt: no [third] section")]
    fn a_missing_section_names_the_file() {
        Sections::parse("test.txt", FILE).take("third");
    }

    #[test]
    #[should_panic(expected = "nothing reads the [first] section")]
    fn an_unread_section_is_reported() {
        let mut file = Sections::parse("test.txt", FILE);
        file.take("second");
        file.finish();
    }
}
