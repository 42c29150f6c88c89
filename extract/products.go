package extract

import "strings"

// productVerbs put a product after "the": "released the X", "buy the X"
// ("launch the X" is left out: a rocket launches a programme's vehicle).
var productVerbs = map[string]bool{"buy": true, "buys": true, "bought": true, "buying": true, "release": true, "released": true, "releases": true,
	"releasing": true, "unveil": true, "unveiled": true, "unveils": true, "unveiling": true, "preorder": true,
	"pre-order": true}

// productAfter are words after a name that make it a product: "X costs",
// "X's price", "X subscribers".
var productAfter = map[string]bool{"costs": true, "cost": true, "retails": true,
	"owners": true, "buyers": true, "price": true, "pricing": true, "controller": true, "controllers": true,
	"model": true, "models": true, "lineup": true, "variant": true, "variants": true}

// companyVerbs after a name show a company acting: "X said", "X hired".
var companyVerbs = map[string]bool{"said": true, "says": true, "announced": true, "announces": true,
	"hired": true, "hires": true, "employs": true, "employed": true, "reported": true, "acquired": true,
	"fired": true, "sued": true, "told": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"ceo": true, "chief": true, "founder": true, "co-founder": true, "executives": true, "employees": true,
	"shares": true, "stock": true}

// productCues counts the mentions of entity e written as a product ("the
// new X", "unveiled the X", "X costs", "X's price", a model number after it)
// and those written as a company ("X said", "X shares").
func (x *articleState) productCues(e int) (product, company int) {
	toks := x.toks
	for mi, m := range x.mentions {
		if m.Entity != e {
			continue
		}
		s := x.sents[m.Sentence]
		a, b := m.Tok0, m.Tok1
		prod := false
		// (a name before a noun modifies it: "a new X poll", "the new X
		// platform")
		modifier := x.nounModifier(mi, s)
		if a-2 >= s.Tok0 && toks[a-1].Lower == "new" && toks[a-2].Lower == "the" && !modifier {
			prod = true
		}
		if a-2 >= s.Tok0 && toks[a-1].Lower == "the" && productVerbs[toks[a-2].Lower] && !modifier {
			prod = true
		}
		// a model year or generation before the name: "the 2020 X", "the
		// all-new X", "the eighth-generation X"
		if a-2 >= s.Tok0 && toks[a-2].Lower == "the" && !modifier && (modelYear(toks[a-1].Text) || toks[a-1].Lower == "all-new" || strings.HasSuffix(toks[a-1].Lower, "-generation")) {
			prod = true
		}
		k := b
		if k < s.Tok1 && toks[k].Lower == "'s" {
			k++
		}
		if k < s.Tok1 && productAfter[toks[k].Lower] {
			prod = true
		}
		// (a capital makes the word part of a product's name: "X Founder's
		// Edition")
		if b < s.Tok1 && toks[b].Lower != "'s" && !toks[b].Cap && companyVerbs[toks[b].Lower] {
			company++
		}
		if prod {
			product++
		}
	}
	return product, company
}

// untypeProducts leaves untyped an institution that the article writes as a
// product and never as a company: products are no entity of the schema.
func (x *articleState) untypeProducts() {
	for e := range x.res.Entities {
		ent := &x.res.Entities[e]
		if ent.Type != tInstitution {
			continue
		}
		p, c := x.productCues(e)
		if p == 0 || c > 0 {
			continue
		}
		// a name written elsewhere as a company ("Acme said", "Acme's
		// chief executive") in the same article keeps its type
		if companyNamed(x, strings.ToLower(ent.Name), e) {
			continue
		}
		ent.Type = ""
		for _, mi := range ent.Mentions {
			x.mentions[mi].Type = ""
		}
	}
}

// companyNamed reports whether another entity of the same name is written
// as a company.
func companyNamed(x *articleState, name string, e int) bool {
	for o := range x.res.Entities {
		if o != e && strings.ToLower(x.res.Entities[o].Name) == name {
			if _, c := x.productCues(o); c > 0 {
				return true
			}
		}
	}
	return false
}

// modelYear: a four-digit year of the form a car or device model takes
// ("2020").
func modelYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}
