// Package ingest reads news articles from files, directories, jsonl files
// and standard input, and turns each into an Article whose Text is the
// clean, stable string that every later stage (sentence splitting,
// extraction, evidence offsets) refers to.
//
// # Data flow
//
// Walk takes the paths of `kg build`: files, directories (walked
// recursively in lexical order; hidden files and directories, those whose
// name starts with ".", are left out, and symbolic links to directories
// are not followed) and "-" for standard input. Each file goes through
//
//	read (at most Options.MaxFileBytes) → decode to UTF-8 → format reader
//	→ normalise → Article{ID, Title, URL, Published, Text, Hash, ...} → fn
//
// and Walk calls fn once per article, in a deterministic order.
//
// # Formats
//
// The extension chooses the format (case-insensitive); in a directory,
// files with other extensions, or none, are ignored and counted in
// Stats.Ignored. A file named as an argument is read whatever its
// extension: an unknown one is sniffed like standard input.
//
//   - .txt, .text: paragraphs on lines, or separated by blank lines. Text
//     is taken as hard-wrapped when it has blank lines and its longest line
//     is 40 to 100 characters wide; then a line break becomes a space when
//     the next line's first word would not have fitted on the line (a greedy
//     wrapper broke there), and stays otherwise, so titles and short lines
//     stay apart.
//   - .md, .markdown: as .txt, plus a line-level cleanup, not a renderer:
//     YAML front matter gives title, url/link and published/date; a heading
//     that is the first content gives Title and is left out of Text (other
//     headings become a paragraph, "#" markers dropped); list bullets,
//     numbers and ">" quote markers are dropped and each item starts a
//     paragraph; emphasis markers (*, **, _, __ around words), backticks,
//     backslash escapes, link targets and images are dropped, link text
//     kept; code fences, thematic breaks and link definitions are dropped.
//   - .html, .htm, .xhtml: the article's main text found by
//     codeberg.org/readeck/go-readability/v2, a paragraph per block element,
//     without figures and captions, and without runs of four or more
//     menu-like lines (three words or fewer, no final punctuation: the
//     navigation readability sometimes keeps); when it finds nothing, the
//     whole body without scripts, styles, navigation, headers, footers and
//     forms. Title from readability (else og:title, else
//     <title>), URL from <link rel=canonical> (else og:url), Published from
//     readability's metadata (JSON-LD, article:published_time, ...), else
//     other date metadata or the first <time datetime>; a title's trailing
//     " - Site Name" is dropped. Elements nested deeper than 256 levels are
//     flattened first, because parsing time grows with the square of the
//     depth; a page of more than 100,000 elements skips readability and
//     gets the whole-body rendering.
//   - .jsonl, .ndjson: streamed, one JSON object a line with "id", "title",
//     "url", "published" and "text" (an id may be a number). A line that is
//     not a JSON object, has no text, or is longer than MaxFileBytes is a
//     Skip naming the file and line; the other lines all come through.
//     MaxFileBytes bounds each line, not the file.
//   - "-" (standard input, read whole up to MaxFileBytes), and files of
//     unknown extension: jsonl when the first non-blank line is a JSON
//     object and more than half of the non-blank lines start with "{",
//     HTML when the first non-blank character is "<", else plain text.
//
// # IDs
//
// An article's ID is its path relative to the directory argument it was
// found under, slash-separated ("2025/kyiv.txt"), a file argument's base
// name, "stdin" for standard input, or for jsonl the line's "id" (a line
// without one gets "<file id>:<line>"). IDs are unique within a Walk: when
// an ID is already taken by an article with the same text, the newcomer is
// skipped as a duplicate; when the text differs, it takes the file's path
// as given (for jsonl "<file id>#<id>"), then that with "~2", "~3", ....
// A file reached twice (a directory and a file inside it) is read once.
//
// # Text
//
// Text is valid UTF-8 in Unicode normal form C with one paragraph per line:
// CRLF, CR, VT, FF, NEL, U+2028 and U+2029 end lines; tabs, no-break and
// other spaces become one space; each line is trimmed; blank lines are
// removed; C0 and C1 controls, the byte-order mark, soft hyphens, zero-width
// spaces, word joiners and noncharacters are dropped. Hash is the hex
// SHA-256 of Text. Published is YYYY-MM-DD when a date can be read (years
// 1800–2199), else empty.
//
// # Encodings and bad input
//
// A UTF-8 byte-order mark is dropped; a UTF-16 mark decodes the file as
// UTF-16 (either byte order; UTF-16 without a mark is binary). Input that
// is not valid UTF-8 is read as Windows-1252 (a superset of the printable
// Latin-1) when its invalid sequences outnumber its valid multi-byte ones,
// else as damaged UTF-8 whose invalid sequences become U+FFFD, counted in
// Stats.RepairedUTF8. An HTML page's <meta charset> is honoured when the
// page is not valid UTF-8.
//
// These never stop a Walk; each is a Skip with its reason: a NUL byte, or
// more than 1% control bytes ("binary file"); nothing but white space
// ("empty"); an HTML page with no text ("no article text found"); an
// unreadable file (the operating system's reason); a file above the size
// limit. A path given to Walk that does not exist is a *PathError, returned
// before anything is read.
//
// # Memory
//
// Files are read whole, one at a time, in a single allocation when their
// size is known. A text file costs the raw bytes plus the text (2 × its
// size, measured by TestHugeLine on a 200 MB line), up to 4 × when it must
// be transcoded, repaired and put in normal form C: a Walk stays below
// 4 × MaxFileBytes (256 MiB by default). An HTML page allocates up to about
// 20 × its size (16 × at most on news-dev), so HTML has its own, lower
// limit, MaxHTMLBytes (32 MiB by default). jsonl is streamed: the bound
// applies to its longest line. Lines of any length within the limits work.
//
// # Concurrency
//
// Walk reads one file at a time and calls fn from the calling goroutine;
// a caller that extracts in parallel hands the articles to its workers.
// Walks may run concurrently: they share no state.
package ingest
