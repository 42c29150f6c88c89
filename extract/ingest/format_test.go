package ingest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/ingest"
)

// read ingests b as a file called name and returns the articles and stats.
func read(t testing.TB, name string, b []byte, opt ingest.Options) ([]ingest.Article, ingest.Stats) {
	t.Helper()
	var arts []ingest.Article
	st, err := ingest.FromBytes(context.Background(), name, b, opt, func(a ingest.Article) error {
		checkText(t, name, a.Text)
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return arts, st
}

// utf16 encodes s as UTF-16 with a byte-order mark.
func utf16(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE}
	}
	for _, r := range s {
		units := []rune{r}
		if r >= 0x10000 {
			r -= 0x10000
			units = []rune{0xD800 + (r >> 10), 0xDC00 + (r & 0x3FF)}
		}
		for _, u := range units {
			if bigEndian {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
	}
	return b
}

// want is the expected outcome of ingesting one input: either one article
// (the fields given; Title, URL and Published are always compared) or a
// skip whose reason contains skip.
type want struct {
	id, title, url, published, text string
	enc                             string // compared when set
	repaired                        int
	skip                            string
}

// TestFormats reads one short input per case, written for this test, as a
// file whose name chooses the format.
func TestFormats(t *testing.T) {
	tests := []struct {
		name, file string
		in         []byte
		want       want
	}{
		// Plain text.
		{"txt lines", "a.txt", []byte("First paragraph here.\nSecond one, longer than the first.\n"),
			want{text: "First paragraph here.\nSecond one, longer than the first."}},
		{"txt blank-separated", "a.txt", []byte("\n\nOne.\n\n\nTwo.\n\n"), want{text: "One.\nTwo."}},
		{"txt hard-wrapped", "a.txt", []byte(
			"Kyiv and Warsaw signed the agreement on Tuesday after\n" +
				"three days of talks in the Polish capital, officials\n" +
				"said.\n\nThe second paragraph is short.\n"),
			want{text: "Kyiv and Warsaw signed the agreement on Tuesday after three days of talks in the Polish capital, officials said.\nThe second paragraph is short."}},
		{"txt short title line not joined", "a.txt", []byte(
			"Talks end\nKyiv and Warsaw signed the agreement on Tuesday after\nthree days of talks.\n\nEnd of story here.\n"),
			want{text: "Talks end\nKyiv and Warsaw signed the agreement on Tuesday after three days of talks.\nEnd of story here."}},
		{"txt long lines never joined", "a.txt", []byte(strings.Repeat("word ", 30) + "\n" + "next\n\nlast\n"),
			want{text: strings.TrimSpace(strings.Repeat("word ", 30)) + "\nnext\nlast"}},
		{"txt spaces and tabs", "a.txt", []byte("  Lead\t\tline  with   gaps \u00a0\n"), want{text: "Lead line with gaps"}},
		{"txt CRLF", "a.txt", []byte("One.\r\nTwo.\r\n\r\nThree.\r\n"), want{text: "One.\nTwo.\nThree."}},
		{"txt lone CR", "a.txt", []byte("One.\rTwo.\r\rThree."), want{text: "One.\nTwo.\nThree."}},
		{"txt UTF-8 BOM", "a.txt", []byte("\xEF\xBB\xBFHello there."), want{text: "Hello there."}},
		{"txt UTF-16LE BOM", "a.txt", utf16("Zelenskyy met Öztürk in Kyiv.\r\nSecond 🙂 line.", false),
			want{text: "Zelenskyy met Öztürk in Kyiv.\nSecond 🙂 line.", enc: "utf-16le"}},
		{"txt UTF-16BE BOM", "a.txt", utf16("Café talks.", true), want{text: "Café talks.", enc: "utf-16be"}},
		{"txt Latin-1", "a.txt", []byte("Fran\xe7ois Hollande visited Z\xfcrich and M\xe1laga.\n"),
			want{text: "François Hollande visited Zürich and Málaga.", enc: "windows-1252"}},
		{"txt Windows-1252 quotes", "a.txt", []byte("\x93Yes,\x94 he said \x96 twice.\n"),
			want{text: "“Yes,” he said – twice.", enc: "windows-1252"}},
		{"txt damaged UTF-8 repaired", "a.txt", []byte("Zürich, Kraków and \xff Gdańsk.\n"),
			want{text: "Zürich, Kraków and \uFFFD Gdańsk.", enc: "utf-8", repaired: 1}},
		{"txt mixed scripts", "a.txt", []byte("Владимир Путин, محمد بن سلمان and 習近平 met.\n"),
			want{text: "Владимир Путин, محمد بن سلمان and 習近平 met."}},
		{"txt NFC", "a.txt", []byte("Cafe\u0301 owner.\n"), want{text: "Café owner."}},
		{"txt invisible characters dropped", "a.txt", []byte("soft\u00adhyphen zero\u200bwidth\u200b \ufeffbom \x1b[0m ok\n"),
			want{text: "softhyphen zerowidth bom [0m ok"}},
		{"txt unicode line separators", "a.txt", []byte("One.\u2028Two.\u2029Three.\fFour."), want{text: "One.\nTwo.\nThree.\nFour."}},
		{"txt no extension sniffed as text", "NOTES", []byte("Just words.\n"), want{id: "NOTES", text: "Just words."}},

		// Markdown.
		{"md heading is title", "a.md", []byte("# The *Big* Story\n\nFirst paragraph.\n\n## Background\n\nSecond **bold** and _it_ text.\n"),
			want{title: "The Big Story", text: "First paragraph.\nBackground\nSecond bold and it text."}},
		{"md setext title", "a.md", []byte("Peace talks\n===========\n\nBody text.\n"), want{title: "Peace talks", text: "Body text."}},
		{"md front matter", "a.md", []byte("---\ntitle: \"Talks in Geneva\"\ndate: 2025-11-23\nurl: https://example.org/a\n---\n# Talks in Geneva\nBody.\n"),
			want{title: "Talks in Geneva", url: "https://example.org/a", published: "2025-11-23", text: "Body."}},
		{"md lists and quotes", "a.md", []byte("Intro line.\n- first item\n* second item\n1. numbered item\n> quoted words\n"),
			want{text: "Intro line.\nfirst item\nsecond item\nnumbered item\nquoted words"}},
		{"md links images code", "a.md", []byte("See [the report](https://x.org/r) and ![chart](c.png) `code` here.\n\n[r]: https://x.org\n\n---\n\n```\nfenced line\n```\n"),
			want{text: "See the report and code here.\nfenced line"}},
		{"md snake_case and arithmetic kept", "a.md", []byte("Use snake_case and 2 * 3 here.\n"), want{text: "Use snake_case and 2 * 3 here."}},
		{"md escapes", "a.md", []byte("A \\*literal\\* star.\n"), want{text: "A *literal* star."}},

		// HTML.
		{"html article", "a.html", []byte(`<!DOCTYPE html><html><head><title>Page title - Example News</title>
<link rel="canonical" href="https://example.org/story">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T10:00:00+02:00">
<script>var x = "<p>not text</p>";</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Page title</h1>
<p>The minister met her counterpart in Brussels on Monday, officials said, and the two agreed a plan for the coming year.</p>
<p>The plan, which runs to forty pages, sets out how the two governments will share the cost of the new bridge across the river.</p>
<p>Critics said the plan came too late &amp; cost too much, but the minister said it was &ldquo;the best deal on the table&rdquo;.</p>
</article><footer>Copyright Example News</footer></body></html>`),
			want{title: "Page title", url: "https://example.org/story", published: "2024-03-05",
				text: "The minister met her counterpart in Brussels on Monday, officials said, and the two agreed a plan for the coming year.\n" +
					"The plan, which runs to forty pages, sets out how the two governments will share the cost of the new bridge across the river.\n" +
					"Critics said the plan came too late & cost too much, but the minister said it was “the best deal on the table”."}},
		{"html og:url and og:title", "a.htm", []byte(`<html><head><meta property="og:url" content="https://example.org/og"><meta property="og:title" content="OG title"><meta name="date" content="March 5, 2024"></head><body><div><p>Short page.</p></div></body></html>`),
			want{title: "OG title", url: "https://example.org/og", published: "2024-03-05", text: "Short page."}},
		{"html fragment", "a.html", []byte(`<p>Just a fragment with <b>bold</b> text.</p><p>Another one.</p>`),
			want{text: "Just a fragment with bold text.\nAnother one."}},
		{"html scripts only", "a.html", []byte(`<html><head><script>alert(1)</script></head><body><script>document.write("x")</script></body></html>`),
			want{skip: "no article text found"}},
		{"html latin-1 declared", "a.html", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Fran\xe7ois est \xe0 Gen\xe8ve.</p></body></html>"),
			want{text: "François est à Genève.", enc: "windows-1252"}},
		{"html shift_jis declared", "a.html", []byte("<html><head><meta charset=\"shift_jis\"></head><body><p>\x93\x8c\x8b\x9e here.</p></body></html>"),
			want{text: "東京 here.", enc: "shift_jis"}},
		{"html sniffed", "page", []byte("  <html><body><p>Sniffed page.</p></body></html>"), want{id: "page", text: "Sniffed page."}},

		// jsonl (one line; more in TestJSONL).
		{"jsonl line", "a.jsonl", []byte(`{"id":"x1","title":"T","url":"https://e.org/1","published":"2025-11-30T08:00:00Z","text":"Para one.\n\nPara two."}`),
			want{id: "x1", title: "T", url: "https://e.org/1", published: "2025-11-30", text: "Para one.\nPara two."}},
		{"jsonl numeric id", "a.jsonl", []byte(`{"id":17,"text":"Body."}`), want{id: "17", text: "Body."}},
		{"jsonl sniffed", "feed", []byte("{\"id\":\"s\",\"text\":\"Body.\"}\n"), want{id: "s", text: "Body."}},

		// Bad input.
		{"empty", "a.txt", nil, want{skip: "empty"}},
		{"white space only", "a.txt", []byte(" \n\t\r\n\u00a0\n"), want{skip: "empty"}},
		{"BOM only", "a.txt", []byte("\xEF\xBB\xBF"), want{skip: "empty"}},
		{"NUL byte", "a.txt", []byte("text\x00more text"), want{skip: "binary file"}},
		{"control bytes", "a.txt", []byte("\x01\x02\x03\x04abc"), want{skip: "binary file"}},
		{"UTF-16 without BOM", "a.txt", []byte("H\x00i\x00"), want{skip: "binary file"}},
		{"UTF-16 hiding NUL", "a.txt", utf16("a\x00b", false), want{skip: "binary file"}},
		{"binary html", "a.html", []byte("<html>\x00\x01\x02</html>"), want{skip: "binary file"}},
		{"empty html", "a.html", []byte("<html><body>   </body></html>"), want{skip: "no article text found"}},
		{"empty jsonl", "a.jsonl", []byte("\n\n"), want{skip: "empty"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, st := read(t, tc.file, tc.in, ingest.Options{})
			if tc.want.skip != "" {
				if len(arts) != 0 || len(st.Skipped) != 1 || !strings.Contains(st.Skipped[0].Reason, tc.want.skip) {
					t.Fatalf("got %d articles, skips %v; want one skip %q", len(arts), st.Skipped, tc.want.skip)
				}
				return
			}
			if len(arts) != 1 || len(st.Skipped) != 0 {
				t.Fatalf("got %d articles, skips %v; want one article", len(arts), st.Skipped)
			}
			a := arts[0]
			wantID := tc.want.id
			if wantID == "" {
				wantID = tc.file
			}
			if a.ID != wantID || a.Title != tc.want.title || a.URL != tc.want.url || a.Published != tc.want.published {
				t.Errorf("got id %q title %q url %q published %q\nwant id %q title %q url %q published %q",
					a.ID, a.Title, a.URL, a.Published, wantID, tc.want.title, tc.want.url, tc.want.published)
			}
			if a.Text != tc.want.text {
				t.Errorf("text\n got %q\nwant %q", a.Text, tc.want.text)
			}
			if tc.want.enc != "" && a.Encoding != tc.want.enc {
				t.Errorf("encoding %q, want %q", a.Encoding, tc.want.enc)
			}
			if st.RepairedUTF8 != tc.want.repaired {
				t.Errorf("repaired %d, want %d", st.RepairedUTF8, tc.want.repaired)
			}
			if len(a.Hash) != 64 {
				t.Errorf("hash %q", a.Hash)
			}
		})
	}
}
