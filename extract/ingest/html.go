package ingest

import (
	"bytes"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLDepth is the deepest element nesting handed to the HTML parser.
// The parser and readability take time quadratic in the depth (30,000
// nested <div>s take a minute); real pages stay under 60 (the news-dev pages
// reach 52). Deeper elements are flattened, see flatten.
const maxHTMLDepth = 256

// maxHTMLElements bounds the work readability does on one page; a page
// with more elements (news pages have a few thousand: 1,587 at most in
// news-dev) gets the fallback rendering of its whole body.
const maxHTMLElements = 100_000

// fromHTML extracts the main text and the metadata of an HTML page, already
// in UTF-8. The text is the article body found by readability, rendered
// with a line per block element, then normalised; when readability finds
// nothing (or the page has more than maxHTMLElements elements) the whole
// body is rendered without scripts, styles, navigation, headers, footers
// and forms.
func fromHTML(b []byte) doc {
	if tokenDepth(b) > maxHTMLDepth {
		b = flatten(b, maxHTMLDepth)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil { // html.Parse only fails on reader errors
		return doc{}
	}
	m := pageMeta(root)
	var d doc
	d.url = m.url()
	pageURL, _ := url.Parse(d.url)
	if pageURL != nil && (pageURL.Scheme == "" || pageURL.Host == "") {
		pageURL = nil
	}
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElements
	art, err := p.ParseAndMutate(root, pageURL)
	var text string
	if err == nil && art.Node != nil {
		dropFigures(art.Node)
		text = render.InnerText(art.Node)
	}
	d.title = trimSiteName(cleanInline(art.Title()), cleanInline(art.SiteName()))
	if t, err := art.PublishedTime(); err == nil && t.Year() >= 1800 && t.Year() < 2200 {
		d.published = t.Format("2006-01-02")
	}
	if strings.TrimSpace(text) == "" {
		// readability mutated the tree: parse again for the fallback.
		if root, err := html.Parse(bytes.NewReader(b)); err == nil {
			strip(root)
			text = render.InnerText(root)
		}
	}
	if d.title == "" {
		d.title = cleanInline(m.bestTitle())
	}
	if d.published == "" {
		for _, v := range m.dates {
			if d.published = normDate(v); d.published != "" {
				break
			}
		}
	}
	d.url = cleanInline(d.url)
	lines := strings.Split(normalise([]byte(text)), "\n")
	keep := lines[:0]
	for _, l := range lines {
		if l != "" {
			keep = append(keep, l)
		}
	}
	d.text = strings.Join(dropMenus(keep), "\n")
	return d
}

// dropMenus removes runs of menuRun or more consecutive menu-like lines
// (at most menuWords words, no sentence-final punctuation): navigation,
// tag lists and share buttons that readability sometimes keeps.
func dropMenus(lines []string) []string {
	out := lines[:0]
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && menuLike(lines[j]) {
			j++
		}
		if j-i >= menuRun {
			i = j
			continue
		}
		if j == i {
			j++
		}
		out = append(out, lines[i:j]...)
		i = j
	}
	return out
}

const (
	menuRun   = 4
	menuWords = 3
)

func menuLike(line string) bool {
	if strings.Count(line, " ") >= menuWords {
		return false
	}
	switch line[len(line)-1] {
	case '.', '!', '?', '"', '\'', ':', ';':
		return false
	}
	return !strings.HasSuffix(line, "”") && !strings.HasSuffix(line, "’")
}

// dropFigures removes figures and their captions (photo credits and
// captions are not the article's prose).
func dropFigures(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Figure || c.DataAtom == atom.Figcaption) {
			n.RemoveChild(c)
		} else {
			dropFigures(c)
		}
		c = next
	}
}

// trimSiteName drops a trailing " - Site Name" (or "|", "–", "—", "::")
// from title when it repeats the page's site name.
func trimSiteName(title, site string) string {
	if site == "" || len(title) <= len(site)+3 {
		return title
	}
	for _, sep := range []string{" - ", " | ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return t
		}
	}
	return title
}

// meta is the page metadata readability does not expose.
type meta struct {
	canonical, ogURL string
	ogTitle, title   string
	dates            []string // candidate publication dates, best first
}

func (m *meta) url() string {
	if m.canonical != "" {
		return m.canonical
	}
	return m.ogURL
}

func (m *meta) bestTitle() string {
	if m.ogTitle != "" {
		return m.ogTitle
	}
	return m.title
}

// dateKeys are the meta names and properties that carry a publication
// date, best first.
var dateKeys = []string{
	"article:published_time", "article:published", "og:published_time",
	"datepublished", "pubdate", "publishdate", "publish-date", "date",
	"dc.date", "dc.date.issued", "dcterms.date", "sailthru.date",
	"parsely-pub-date", "pdate",
}

// pageMeta reads the canonical link, og:url, titles and date metadata of
// the document, and the first <time datetime> as a last date candidate.
func pageMeta(root *html.Node) meta {
	var m meta
	found := map[string]string{}
	var timeAttr string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				content := strings.TrimSpace(attr(n, "content"))
				if key != "" && content != "" {
					for _, k := range strings.Fields(key) {
						if _, ok := found[k]; !ok {
							found[k] = content
						}
					}
				}
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = n.FirstChild.Data
				}
			case atom.Time:
				if timeAttr == "" {
					timeAttr = attr(n, "datetime")
				}
			case atom.Script, atom.Style, atom.Svg:
				return
			}
		}
		if depth > maxHTMLDepth+16 { // flatten bounds the depth; stay safe
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	m.ogURL = strings.TrimSpace(found["og:url"])
	m.ogTitle = found["og:title"]
	for _, k := range dateKeys {
		if v := found[k]; v != "" {
			m.dates = append(m.dates, v)
		}
	}
	if timeAttr != "" {
		m.dates = append(m.dates, timeAttr)
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// strip removes the elements that are never article text, for the
// fallback rendering of a page readability found nothing in.
func strip(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header,
				atom.Footer, atom.Aside, atom.Form, atom.Button, atom.Select,
				atom.Template, atom.Iframe, atom.Svg, atom.Head:
				n.RemoveChild(c)
				c = next
				continue
			}
		} else if c.Type == html.CommentNode {
			n.RemoveChild(c)
			c = next
			continue
		}
		strip(c)
		c = next
	}
}

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true,
	"param": true, "source": true, "track": true, "wbr": true, "keygen": true,
}

// tokenDepth returns the deepest nesting of start tags in b, counting end
// tags naively (any end tag closes one level). It overestimates pages that
// leave <p> or <li> open, which is safe: such pages are only flattened.
func tokenDepth(b []byte) int {
	z := html.NewTokenizer(bytes.NewReader(b))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				if depth++; depth > deepest {
					deepest = depth
				}
			}
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
		}
	}
}

// flatten rewrites b so that no element nests deeper than limit: start and
// end tags below that depth are replaced by <br> (so block boundaries stay
// line breaks) and their text is kept, except the content of scripts,
// styles and other raw-text elements, which is dropped.
func flatten(b []byte, limit int) []byte {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out bytes.Buffer
	out.Grow(len(b))
	depth := 0
	skip := false // inside a flattened raw-text element
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				out.Write(z.Raw())
				continue
			}
			depth++
			if depth > limit {
				skip = rawText[string(name)]
				out.WriteString("<br>")
				continue
			}
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
			if depth >= limit {
				skip = false
				out.WriteString("<br>")
				continue
			}
		case html.TextToken:
			if skip {
				continue
			}
		}
		out.Write(z.Raw())
	}
}

// rawText are the elements whose content the tokenizer reads as raw text.
var rawText = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "plaintext": true,
}
