//! The command line: one `Args` struct per subcommand. The `///` comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::enrich::QuoteKind;
use crate::index::schema::{ARTICLE_FACETS, FacetKind, QUOTE_FACETS};

// The help texts that list facet kinds read them from the facet table. clap drops the full
// stop of a one-sentence `///` help; these leave it out to read the same.

fn search_facets_help() -> String {
    format!(
        "Facets to count over all hits, comma-separated ({})",
        FacetKind::names(ARTICLE_FACETS)
    )
}

fn facet_field_help() -> String {
    format!("The field to count: {}", FacetKind::names(ARTICLE_FACETS))
}

/// The short help and a line on each kind's values.
fn facet_field_long_help() -> String {
    let mut help = facet_field_help();
    help.push('\n');
    for kind in ARTICLE_FACETS {
        help.push_str(&format!("\n{}: {}", kind.name(), kind.row().help));
    }
    help
}

fn quote_facet_top_help() -> String {
    format!(
        "Values shown per facet ({})",
        FacetKind::names(QUOTE_FACETS)
    )
}

/// Index a folder of news articles by who said what, about which countries, at what tariff rate.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read, enrich and index articles (files or folders); re-runs only touch what changed.
    Index(IndexArgs),
    /// Search articles with full-text queries and faceted filters.
    Search(SearchArgs),
    /// Show one stored article with every extracted field.
    Show(ShowArgs),
    /// Print the extracted fields of every article as JSON Lines, without indexing.
    Extract(ExtractArgs),
    /// Search quotes: what officials said, by speaker, country, date and kind.
    Quotes(QuotesArgs),
    /// The directory of speakers: who is quoted, how often, in how many articles.
    Speakers(SpeakersArgs),
    /// Counts of a field's values over the whole index or a query.
    Facets(FacetsArgs),
    /// Browse the index in a web browser, with the same searches as a JSON API under /api/.
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell) to stdout.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to stdout: `newsdex man | man -l -`.
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Where the index lives; every subcommand takes it.
#[derive(Debug, Args)]
pub struct IndexDir {
    /// Index directory.
    #[arg(
        long = "index",
        env = "NEWSDEX_INDEX",
        default_value = "index",
        value_name = "DIR"
    )]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub index: IndexDir,
    /// Enrichment threads, and as many tantivy indexing threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Memory budget of the index writer, in megabytes (at least 15 per writer thread).
    #[arg(long = "memory-mb", default_value_t = 192, value_name = "MB")]
    pub memory_mb: usize,
    /// Pass over files whose name, folder or path below the given folder matches this glob
    /// (`README.md`, `drafts`, `*.html`, `2019/**/*.json`); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Commit at least this often, in seconds: a killed run loses at most that much work.
    #[arg(long = "commit-every", default_value_t = 30, value_name = "SECS")]
    pub commit_every: u64,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// List every skipped file and record with its reason.
    #[arg(long, short)]
    pub verbose: bool,
}

/// The filters every search takes (`search`, `quotes` and `facets`): on what the article of a
/// hit (the article itself, or a quote's article) mentions and states, and when it was
/// published; `--speaker` is who said a quote, or who an article quotes.
#[derive(Debug, Args, Default, Clone)]
pub struct Filters {
    /// Only hits whose article mentions this country or trade bloc (name, code or adjective;
    /// `EU`, `ASEAN`, `Mercosur`); repeatable, all must hold.
    #[arg(long, value_name = "COUNTRY")]
    pub country: Vec<String>,
    /// Only quotes by this speaker, or articles quoting them ("Rubio" finds "Marco Rubio",
    /// with or without title); repeatable.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    // Negative numbers are taken as values so that `--tariff-min -5` gets newsdex's own
    // one-line message rather than a usage dump about an unknown flag `-5`.
    /// Only hits whose article states a tariff rate of at least this many percent.
    #[arg(long = "tariff-min", value_name = "PCT", allow_negative_numbers = true)]
    pub tariff_min: Option<String>,
    /// Only hits whose article states a tariff rate of at most this many percent.
    #[arg(long = "tariff-max", value_name = "PCT", allow_negative_numbers = true)]
    pub tariff_max: Option<String>,
    /// Only hits whose article has a tariff imposed by this country or bloc (EU, ASEAN, ...);
    /// repeatable.
    #[arg(long, value_name = "COUNTRY")]
    pub imposer: Vec<String>,
    /// Only hits whose article has a tariff aimed at this country or bloc; repeatable.
    #[arg(long, value_name = "COUNTRY")]
    pub target: Vec<String>,
    /// Only hits whose article was published on or after this date (2018, 2018-07 or
    /// 2018-07-06).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only hits whose article was published on or before this date (2018, 2018-07 or
    /// 2018-07-06).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

/// The filters of `search` and `facets`: every search's, and those on what an article names,
/// which quotes do not carry.
#[derive(Debug, Args, Default, Clone)]
pub struct ArticleFilters {
    #[command(flatten)]
    pub shared: Filters,
    /// Only articles naming this person; repeatable.
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only articles naming this organisation; repeatable.
    #[arg(long, value_name = "ORG")]
    pub org: Vec<String>,
    /// Only articles from this source; repeatable.
    #[arg(long, value_name = "SOURCE")]
    pub source: Vec<String>,
}

/// How a listing command prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for a terminal.
    Text,
    /// One JSON object.
    Json,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
}

/// The output flags of a listing command (`search`, `quotes`, `speakers`, `facets`).
#[derive(Debug, Args)]
pub struct OutputFlags {
    /// Print one JSON object instead of text (the same as `--format json`).
    #[arg(long)]
    pub json: bool,
    /// Output format: text for people, json, or csv/tsv rows with a header for a spreadsheet.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "json")]
    pub format: Option<Format>,
}

impl OutputFlags {
    /// The format `--json` and `--format` ask for together (clap refuses both at once).
    pub fn chosen(&self) -> Format {
        match (self.json, self.format) {
            (_, Some(format)) => format,
            (true, None) => Format::Json,
            (false, None) => Format::Text,
        }
    }
}

/// Article order: by relevance, newest first, or highest stated tariff first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    Relevance,
    Date,
    Tariff,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in tantivy syntax: words (all must match), "phrases", OR, NOT, (groups) and
    /// title: or body: fields (quotes are part of the body); several arguments are joined with
    /// spaces. Omit to match every article.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub index: IndexDir,
    #[command(flatten)]
    pub filters: ArticleFilters,
    /// Result order.
    #[arg(long, value_enum, default_value_t = SortBy::Relevance)]
    pub sort: SortBy,
    /// Number of hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "country,speaker",
        help = search_facets_help()
    )]
    pub facets: Vec<String>,
    /// Values shown per facet.
    #[arg(long = "facet-top", default_value_t = 10, value_name = "N")]
    pub facet_top: usize,
    #[command(flatten)]
    pub output: OutputFlags,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id (its path, as `search` prints it).
    pub id: String,
    #[command(flatten)]
    pub index: IndexDir,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only quotes of this kind (repeatable; all kinds without it). `--kind direct` keeps the
    /// words inside quote marks alone, as annotation schemes that mark only direct speech do.
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// Pass over files whose name, folder or path matches this glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// List every skipped file and record with its reason.
    #[arg(long, short)]
    pub verbose: bool,
}

/// A quote kind as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Direct,
    Indirect,
    Mixed,
}

impl From<KindArg> for QuoteKind {
    fn from(kind: KindArg) -> QuoteKind {
        match kind {
            KindArg::Direct => QuoteKind::Direct,
            KindArg::Indirect => QuoteKind::Indirect,
            KindArg::Mixed => QuoteKind::Mixed,
        }
    }
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Words or phrases to find in the quote text (all must match; OR, NOT and "phrases" as in
    /// search). Omit to list every quote that passes the filters.
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,
    #[command(flatten)]
    pub index: IndexDir,
    #[command(flatten)]
    pub filters: Filters,
    /// Only quotes of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only quotes by people with a name (not "analysts", "officials" or organisations).
    #[arg(long)]
    pub named: bool,
    /// Result order.
    #[arg(long, value_enum, default_value_t = QuoteSortBy::Relevance)]
    pub sort: QuoteSortBy,
    /// Number of quotes to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Number of quotes to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[arg(
        long = "facet-top",
        default_value_t = 10,
        value_name = "N",
        help = quote_facet_top_help()
    )]
    pub facet_top: usize,
    #[command(flatten)]
    pub output: OutputFlags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteSortBy {
    Relevance,
    Date,
}

#[derive(Debug, Args)]
pub struct SpeakersArgs {
    /// Only speakers this name fits ("rubio", "Secretary Rubio", "Marco Rubio").
    #[arg(value_name = "NAME")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub index: IndexDir,
    /// Only speakers affiliated with this country (name, code or adjective).
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Only speakers of this kind: people, organisations or groups ("analysts"). All kinds,
    /// people first, when not given.
    #[arg(long, value_enum)]
    pub kind: Option<SpeakerKindArg>,
    /// Only people with a name (the same as `--kind person`).
    #[arg(long, conflicts_with = "kind")]
    pub named: bool,
    /// Number of speakers to list.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
    #[command(flatten)]
    pub output: OutputFlags,
}

/// A speaker kind as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpeakerKindArg {
    Person,
    Group,
    Org,
}

#[derive(Debug, Args)]
pub struct FacetsArgs {
    #[arg(help = facet_field_help(), long_help = facet_field_long_help())]
    pub field: String,
    /// Count over the articles matching this query (all articles without it).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub index: IndexDir,
    #[command(flatten)]
    pub filters: ArticleFilters,
    /// Number of values to list.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
    #[command(flatten)]
    pub output: OutputFlags,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// Address to listen on; the default answers this machine only.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8080, value_name = "PORT")]
    pub port: u16,
    /// Open the search page in the default browser once the server listens.
    #[arg(long)]
    pub open: bool,
}
