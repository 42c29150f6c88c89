package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

// TestNewsPatterns covers general patterns of English news that state a
// relation or shape a name without the plainest trigger: meetings without
// "met", an organisation before a title, a job and employer after a name,
// an office implying its institution, a player's team, family through a
// possessive, plans as common nouns, and name boundaries and types. Every
// text is a sentence written for this test (names invented).
func TestNewsPatterns(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		// 1. meetings described without "met"
		{
			name: "a news conference between A and B",
			text: "The deal came weeks after a news conference between Anna Berg and Chinese vice-premier Wu He in Oslo.",
			ents: []string{"Wu He/Person"},
			want: []string{"MET_WITH Anna Berg -> Wu He"},
		},
		{
			name: "a past meeting framed by a time phrase keeps its status",
			text: "The accord, once expected to be signed within days of a news conference between Anna Berg and Paul Okafor, has stalled.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "A and B visited each other",
			text: "Anna Berg and Paul Okafor visited each other at their homes for years.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "A received B",
			text: "Prime Minister Anna Berg received President Paul Okafor in Oslo on Monday.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "received a thing from B is no meeting",
			text: "Prime Minister Anna Berg received a letter from President Paul Okafor on Monday.",
			ents: []string{"Anna Berg/Person", "Paul Okafor/Person"},
			not:  []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "A hosted B",
			text: "Prime Minister Anna Berg hosted President Paul Okafor at her residence.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "A sat down with B",
			text: "Anna Berg sat down with Paul Okafor on Friday to discuss the border.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "talks with",
			text: "Anna Berg held talks with Paul Okafor in Geneva on Tuesday.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		// 2. organisation before a title and a name
		{
			name: "a one-word organisation opening the sentence before a title",
			text: "Pinnacle President Kara Lind told reporters the airline will grow. Last year Pinnacle flew more routes, and the Pinnacle fleet is now the largest.",
			ents: []string{"Kara Lind/Person", "Pinnacle/Institution"},
			want: []string{"LED Kara Lind -> Pinnacle"},
		},
		{
			name: "ORG's PERSON",
			text: "In the interview, the Harbour Times's Kara Lind pressed the minister on the budget.",
			want: []string{"MEMBER_OF Kara Lind -> Harbour Times"},
		},
		{
			name: "ORG host PERSON",
			text: "The remarks followed comments by Coastline News host Kara Lind on Sunday.",
			want: []string{"MEMBER_OF Kara Lind -> Coastline News"},
		},
		{
			name: "ORG great PERSON",
			text: "The record belongs to Hawks great Paul Okafor, who played for the Hawks for a decade.",
			want: []string{"MEMBER_OF Paul Okafor -> Hawks"},
		},
		// 3. job and employer after the name
		{
			name: "X, a scholar with Y",
			text: "The tariffs will stay, said Kara Lind, a Europe scholar with the Northfield Institute in Boston.",
			want: []string{"MEMBER_OF Kara Lind -> Northfield Institute"},
			not:  []string{"MEMBER_OF Kara Lind -> Europe"},
		},
		{
			name: "X, a professor of FIELD at Y",
			text: "Kara Lind, an associate professor of epidemiology at Northfield University, said the rise was small.",
			want: []string{"MEMBER_OF Kara Lind -> Northfield University"},
		},
		{
			name: "X, an expert in FIELD at Y",
			text: "Paul Okafor, an expert in drug use and mental health at the Northfield Institute, told the paper the data were thin.",
			want: []string{"MEMBER_OF Paul Okafor -> Northfield Institute"},
		},
		// 4. office implying the institution
		{
			name: "X, PLACE's new police commissioner",
			text: "Kara Lind, Norway's new police commissioner, said the protests must end.",
			want: []string{"LED Kara Lind -> Norway"},
		},
		{
			name: "an associate administrator does not lead",
			text: "Paul Okafor, a former Northfield Agency associate administrator, said the mission was late.",
			ents: []string{"Paul Okafor/Person"},
			not:  []string{"LED Paul Okafor -> Northfield Agency"},
		},
		// 5. sport membership
		{
			name: "points for the TEAM",
			text: "Kara Lind scored 20 of her 31 points in the first half for the Portland Hawks on Tuesday.",
			want: []string{"MEMBER_OF Kara Lind -> Portland Hawks"},
		},
		{
			name: "statistics for a team named by a common word",
			text: "The Thunder lost again. Paul Okafor had four points and 10 assists for the Thunder, who trailed all night.",
			want: []string{"MEMBER_OF Paul Okafor -> Thunder"},
		},
		{
			name: "for the league-leading TEAM",
			text: "The Hawks won again. Kara Lind finished with 25 points to post a triple-double against her old club for the league-leading Hawks.",
			ents: []string{"Hawks/Institution"},
			want: []string{"MEMBER_OF Kara Lind -> Hawks"},
		},
		{
			name: "a statistic of another player is no membership",
			text: "Kara Lind watched as Paul Okafor hit a late shot for the Hawks.",
			not:  []string{"MEMBER_OF Kara Lind -> Hawks", "MEMBER_OF Paul Okafor -> Hawks"},
			ents: []string{"Kara Lind/Person"},
		},
		{
			name: "scored for a city's team",
			text: "Kara Lind and Paul Okafor scored for Portland, which won its third straight game.",
			want: []string{"MEMBER_OF Kara Lind -> Portland", "MEMBER_OF Paul Okafor -> Portland"},
		},
		{
			name: "coached",
			text: "Kara Lind coached Portland for a decade before she retired.",
			want: []string{"LED Kara Lind -> Portland"},
		},
		// 6. family through a possessive
		{
			name: "X, Y's third child",
			text: "Erik Berg, Queen Anna Berg's third child, could not say where he was that night.",
			want: []string{"RELATIVE_OF Erik Berg -> Anna Berg"},
		},
		// 7. plans as common nouns
		{
			name: "revealed ADJ plans",
			text: "Kara Lind in October revealed lofty plans to expand the fleet by 2025.",
			want: []string{"PROPOSED Kara Lind -> lofty plans"},
		},
		{
			name: "announced plans to is an intention",
			text: "Kara Lind announced plans to travel to Oslo next month.",
			ents: []string{"Kara Lind/Person"},
			not:  []string{"PROPOSED Kara Lind -> plans"},
		},
		// 9. name boundaries
		{
			name: "a sentence-opening To is no part of the name",
			text: "To Kara Lind, the result was no surprise. Lind said so twice.",
			ents: []string{"Kara Lind/Person"},
			noEnts: []string{
				"To Kara Lind/",
			},
			want: []string{},
		},
		{
			name: "Sens. before two names",
			text: "Two candidates — Sens. Kara Lind and Paul Okafor — have struggled to gain ground.",
			ents: []string{"Kara Lind/Person", "Paul Okafor/Person"},
			noEnts: []string{
				"Sens/",
			},
		},
		{
			name: "a country between an organisation and a role",
			text: "The account came from former White House Russia adviser Kara Lind on Monday.",
			ents: []string{"Kara Lind/Person"},
			noEnts: []string{
				"White House Russia/",
			},
			want: []string{"MEMBER_OF Kara Lind -> White House"},
		},
		{
			name: "a place's police",
			text: "Oslo police said on Monday that 40 people had been arrested.",
			ents: []string{"Oslo police/Institution"},
		},
		// 10. typing
		{
			name: "the journal NAME with an acronym",
			text: "The study was published in the journal JAMA Oncology on Wednesday.",
			ents: []string{"JAMA Oncology/Institution"},
		},
		{
			name: "teams named by common words in a list after the",
			text: "The Northfield Rovers beat the Comets again. The Northfield Rovers and Comets meet next week, and the Comets are favoured.",
			ents: []string{"Northfield Rovers/Institution", "Comets/Institution"},
		},
		{
			name: "Coach (Given) Surname is a person",
			text: "Coach (Mark) Vogel came in and said the team played well. Later Vogel said it again, and Vogel smiled.",
			ents: []string{"Vogel/Person"},
		},
		{
			name: "an unknown given name alone joins the only person with it",
			text: "Xandor Pell scored twice. Coaches praised Xandor for his passes, and Xandor thanked them.",
			ents: []string{"Xandor Pell/Person"},
			noEnts: []string{
				"Xandor/",
			},
		},
		{
			name: "a team's short name joins its name with the city",
			text: "The Portland Hawks won again. The Hawks have now won five games, and the Hawks lead the league.",
			ents: []string{"Portland Hawks/Institution"},
			noEnts: []string{
				"Hawks/",
			},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// patternCase is one sentence of a pattern test and what it must and must
// not yield.
type patternCase struct {
	name   string
	text   string
	ents   []string // "Name/Type" entities that must be found
	noEnts []string // "Name/Type" entities that must not be found ("Name/" any type)
	want   []string // relations that must be found
	not    []string // relations that must not be found
}

// runPatternCases extracts each case's text and checks its expectations.
func runPatternCases(t *testing.T, s *schema.Schema, ex *extract.Extractor, cases []patternCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := ex.Extract(tc.text)
			checkResult(t, tc.text, res)
			if len(tc.ents)+len(tc.noEnts)+len(tc.want)+len(tc.not) == 0 {
				t.Fatal("case asserts nothing")
			}
			ents := entityStrings(res)
			for _, w := range tc.ents {
				if !slices.Contains(ents, w) {
					t.Errorf("missing entity %s; got %q", w, ents)
				}
			}
			for _, w := range tc.noEnts {
				for ei, g := range ents {
					if len(res.Entities[ei].Mentions) > 0 && (g == w || strings.HasSuffix(w, "/") && strings.HasPrefix(g, w)) {
						t.Errorf("unwanted entity %s", g)
					}
				}
			}
			got := relationStrings(s, res)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing relation %s; got %q", w, got)
				}
			}
			for _, w := range tc.not {
				if slices.Contains(got, w) {
					t.Errorf("unwanted relation %s", w)
				}
			}
		})
	}
}

// TestNewsPatternsStaff covers a second round of general patterns: staff
// named with a title and the employer (bylines, units of a firm, reporters,
// a role before an honorific), proposals in passive or possessive form, an
// organisation introducing its new head, and name boundaries and types
// (a sentence-opening preposition, institutions named after people, towns
// before their state, abbreviations, lists of names). Every text is written
// for this test (names invented).
func TestNewsPatternsStaff(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		// 1. title, comma, firm; the head of a unit at a firm
		{
			name: "a byline: NAME, Title, FIRM",
			text: `"Prices will rise," said Kara Lind, Director, Northwind Securities.`,
			want: []string{"MEMBER_OF Kara Lind -> Northwind Securities"},
			not:  []string{"LED Kara Lind -> Northwind Securities"},
		},
		{
			name: "a chief executive in a byline still leads",
			text: `"Prices will rise," said Kara Lind, Chief Executive, Northwind Bank.`,
			want: []string{"LED Kara Lind -> Northwind Bank"},
		},
		{
			name:   "the head of a named unit at a firm is a member",
			text:   `"Prices will rise," said Kara Lind, Head of Equity Research at Northwind Securities.`,
			want:   []string{"MEMBER_OF Kara Lind -> Northwind Securities"},
			not:    []string{"LED Kara Lind -> Northwind Securities"},
			noEnts: []string{"Equity Research/Institution"},
		},
		{
			name: "the head of a one-word unit at a firm",
			text: "Kara Lind, Head of Research at Northwind Securities, said the market was narrow.",
			want: []string{"MEMBER_OF Kara Lind -> Northwind Securities"},
		},
		{
			name: "a director of a unit at a firm in lower case",
			text: "Kara Lind, director of communications at Northwind Bank, declined to comment.",
			want: []string{"MEMBER_OF Kara Lind -> Northwind Bank"},
			not:  []string{"LED Kara Lind -> Northwind Bank"},
		},
		{
			name: "the chief executive of a firm leads it",
			text: "Kara Lind, chief executive of the Oslo-based lender Northwind Bank, declined to comment.",
			want: []string{"LED Kara Lind -> Northwind Bank"},
		},
		// 2. reporters and staff
		{
			name: "NAME reports for OUTLET",
			text: "As Kara Lind reports for Northwind Radio, the first cases came to light last week.",
			want: []string{"MEMBER_OF Kara Lind -> Northwind Radio"},
		},
		{
			name: "NAME of the OUTLET",
			text: "The couple was quarantined, according to Kara Lind of the Northwind Times.",
			want: []string{"MEMBER_OF Kara Lind -> Northwind Times"},
		},
		{
			name: "NAME of a place is no membership",
			text: "The couple was quarantined, according to Kara Lind of Oslo.",
			ents: []string{"Kara Lind/Person"},
			not:  []string{"MEMBER_OF Kara Lind -> Oslo"},
		},
		{
			name: "NAME of the ORG before a noun is no membership",
			text: "The vote of Kara Lind of the Northwind Council board was counted.",
			not:  []string{"MEMBER_OF Kara Lind -> Northwind Council"},
		},
		{
			name: "ORG's role before an honorific",
			text: "As Northwind Radio's chief medical correspondent Dr. Kara Lind noted, the risk was moderate.",
			want: []string{"MEMBER_OF Kara Lind -> Northwind Radio"},
		},
		{
			name: "a doctor at a hospital",
			text: "Kara Lind, a doctor at Northwind Hospital, wrote about the case.",
			want: []string{"MEMBER_OF Kara Lind -> Northwind Hospital"},
		},
		{
			name: "ranks before the organisation and the role",
			text: `"He is fine," said Kara Lind, the principal deputy Northwind Council press secretary.`,
			want: []string{"MEMBER_OF Kara Lind -> Northwind Council"},
		},
		{
			name: "an associate administrator is a member",
			text: "Kara Lind, the agency's associate administrator of the Northwind Directorate, said so.",
			want: []string{"MEMBER_OF Kara Lind -> Northwind Directorate"},
			not:  []string{"LED Kara Lind -> Northwind Directorate"},
		},
		{
			name: "the company's founder after the company",
			text: "Northwind Corp showed its lander, which the company's billionaire founder Kara Lind announced in May.",
			want: []string{"LED Kara Lind -> Northwind Corp"},
		},
		{
			name: "the company's founder after two companies is unresolved",
			text: "Acme Corp signed with Northwind Bank, and the company's founder Kara Lind said so.",
			not:  []string{"LED Kara Lind -> Acme Corp", "LED Kara Lind -> Northwind Bank"},
		},
		// 3. proposals in passive and possessive form
		{
			name: "the concept proposed by ORG",
			text: "The probes range from large landers to the boxy concept proposed by Northwind Systems.",
			want: []string{"PROPOSED Northwind Systems -> boxy concept"},
		},
		{
			name: "a deal backed by ORG is no proposal",
			text: "Acme bought the label in a deal backed by Northwind Capital.",
			not:  []string{"PROPOSED Northwind Capital -> deal"},
		},
		{
			name: "his plan for",
			text: "Paul Okafor hammered Kara Lind on his plan for work requirements.",
			want: []string{"PROPOSED Kara Lind -> plan for work requirements"},
		},
		{
			name: "her proposal for",
			text: "The investor tangled with Kara Lind over her proposal for a wealth tax.",
			want: []string{"PROPOSED Kara Lind -> proposal for a wealth tax"},
		},
		{
			name: "a plan for with no owner is no proposal",
			text: "Kara Lind criticised the plan for new roads.",
			ents: []string{"Kara Lind/Person"},
			not:  []string{"PROPOSED Kara Lind -> plan for new roads"},
		},
		// 4. an organisation introducing its new head
		{
			name: "ORG is thrilled to have NAME as our new President",
			text: "Northwind is thrilled to have Xandor Pell, a long-time engineer, as our new President and CEO. We love Northwind, and Northwind loves us.",
			want: []string{"LED Xandor Pell -> Northwind"},
		},
		{
			name: "as our friend is no role",
			text: "Kara Lind is glad to have Paul Okafor as our friend.",
			not:  []string{"LED Paul Okafor -> Kara Lind", "MEMBER_OF Paul Okafor -> Kara Lind"},
		},
		// 5. names and types
		{
			name:   "a sentence-opening preposition is no part of a place",
			text:   "In Kentucky, the governor lost. In Virginia, the party won.",
			ents:   []string{"Kentucky/Place", "Virginia/Place"},
			noEnts: []string{"In Kentucky/", "In Virginia/"},
		},
		{
			name: "an organisation quoted as a speaker",
			text: `"The market is strong," said Northwind Institutional Equities.`,
			ents: []string{"Northwind Institutional Equities/Institution"},
		},
		{
			name:   "an institution named after a person, head noun in lower case",
			text:   "The president made a visit to Kara Lind hospital on Saturday. He returned to Kara Lind later.",
			ents:   []string{"Kara Lind/Institution"},
			noEnts: []string{"Kara Lind/Person"},
		},
		{
			name: "a clinic",
			text: "Doctors at the Northwind Clinic agreed.",
			ents: []string{"Northwind Clinic/Institution"},
		},
		{
			name: "towns before their state or country",
			text: "The firms are based in Kent, Washington and in Istanbul, Turkey.",
			ents: []string{"Kent/Place", "Istanbul/Place"},
		},
		{
			name: "a list line of firm, town and state",
			text: "NASA named five firms.\n\nNorthwind Robotics, Palo Alto, California\n\nAcme Systems Inc., Louisville, Colorado\n",
			ents: []string{"Northwind Robotics/Institution", "Palo Alto/Place", "Louisville/Place", "Colorado/Place"},
		},
		{
			name:   "a firm before a town and state is no place",
			text:   "NASA named five firms.\n\nNorthwind Origin, Kent, Washington\n",
			noEnts: []string{"Northwind Origin/Place"},
		},
		{
			name:   "St. before a place",
			text:   "Her favourite place is St. Croix in the Virgin Islands.",
			ents:   []string{"St. Croix/Place"},
			noEnts: []string{"Croix/"},
		},
		{
			name:   "a legal suffix after a comma is no name",
			text:   "The lander was built by Northwind Nano-Satellite Systems, Inc. in Irvine.",
			ents:   []string{"Northwind Nano-Satellite Systems/Institution"},
			noEnts: []string{"Inc/"},
		},
		{
			name:   "a leader's possessive is no part of a party",
			text:   "Observers say Xi's Communist Party has ruled for decades, and Xi leads it.",
			noEnts: []string{"Xi's Communist Party/"},
		},
		{
			name: "an acronym that is a function word after the",
			text: "The bacterium, per the WHO, is often found in small mammals.",
			ents: []string{"WHO/Institution"},
		},
		{
			name:   "a two-word name of common words opening a sentence after a list",
			text:   "NASA picked Acme, Bright Orbit, Northwind Corp. and others. Bright Orbit's lander is based on its rover.",
			ents:   []string{"Bright Orbit/Institution"},
			noEnts: []string{"Orbit/"},
		},
		{
			name:   "a product named by common words is no institution",
			text:   "NASA picked the Falcon Heavy and Northwind Corp. rockets. The Falcon Heavy is in service.",
			noEnts: []string{"Falcon Heavy/Institution"},
		},
		{
			name: "a legislature's one-word name in running prose",
			text: "Most voters want Parliament to investigate the minister.",
			ents: []string{"Parliament/Institution"},
		},
		{
			name:   "a one-word head noun opening a sentence is no name",
			text:   "Council members met on Monday.",
			noEnts: []string{"Council/"},
		},
		{
			name:   "a party before a name",
			text:   "Four years ago, when Republican Kara Lind won in a landslide, the state changed.",
			ents:   []string{"Kara Lind/Person"},
			noEnts: []string{"Republican Kara Lind/"},
		},
		{
			name: "a place by its apposition",
			text: "The patients are from Upper Varnia, an autonomous and sparsely populated region in the north.",
			ents: []string{"Upper Varnia/Place"},
		},
		{
			name:   "a social-media handle is untyped",
			text:   "Governor @KaraLind has done a wonderful job! Vote for @KaraLind on Tuesday.",
			noEnts: []string{"KaraLind/Institution"},
		},
		{
			name:   "the Times after the Northwind Times",
			text:   "The plan was reported by Kara Lind of the Northwind Times. Lind of the Times reports that censors acted.",
			ents:   []string{"Northwind Times/Institution"},
			noEnts: []string{"Times/"},
			want:   []string{"MEMBER_OF Kara Lind -> Northwind Times"},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// TestNewsPatternsPrecision covers words that are no names on unseen news
// and names typed wrongly: contractions, single letters, generic and plural
// acronyms, quantities, party members in the plural, small-town names the
// article never uses as places, a compound after a place suffix, a noun
// title opening a name, hyphenated phrases, and "A and The B" lists. Every
// text is written for this test (names invented, towns real).
func TestNewsPatternsPrecision(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		// 1. contractions and single letters
		{
			name:   "a contraction with a curly apostrophe is no name",
			text:   "What I’m about to share is simple. A business where I’m in control works, Kara Lind said.",
			ents:   []string{"Kara Lind/Person"},
			noEnts: []string{"I'm/", "I’m/"},
		},
		{
			name:   "a sentence-opening article after a middle initial elsewhere",
			text:   "Police said Kara A. Lind, 29, was arrested on Monday. A short time later, officers stopped a second car. A spokesman for Kara A. Lind said both were towed.",
			ents:   []string{"Kara A. Lind/Person"},
			noEnts: []string{"A/"},
		},
		{
			name:   "a festival is no name",
			text:   "Sales rose before Diwali, and shops in Mumbai said Diwali orders doubled. After Diwali, prices fell.",
			ents:   []string{"Mumbai/Place"},
			noEnts: []string{"Diwali/"},
		},
		// 2. generic, plural and numeric acronyms
		{
			name:   "generic acronyms name no institution",
			text:   "Kestrel Airways said GDP growth slowed. The VIP lounge closed, and the new GPU uses USB-C ports. The GPU runs hot, the GDP figure was revised and the VIP guests left.",
			ents:   []string{"Kestrel Airways/Institution"},
			noEnts: []string{"GDP/", "VIP/", "GPU/", "USB-C/"},
		},
		{
			name:   "an acronym in the plural is a common noun",
			text:   "Hospitals in the region added ICUs last year, and ICUs filled again. Dealers said SUVs sold out, and SUVs remain popular.",
			noEnts: []string{"ICUs/", "SUVs/"},
		},
		{
			name:   "a quantity and a model number are no names",
			text:   "The phone ships with 512GB of storage. The 512GB model costs more, and the TX300 model costs less. The TX300 sold out.",
			noEnts: []string{"512GB/", "TX300/Institution"},
		},
		{
			name: "an acronym the article spells out stays an institution",
			text: "The Northern Valley Authority (NVA) approved the dam. The NVA said work starts in May.",
			ents: []string{"Northern Valley Authority/Institution"},
		},
		// 3. parties and peoples in the plural
		{
			name:   "party members in the plural are no person",
			text:   "Vermont Democrats won a majority for the first time, flipping historically Republican districts. Democrats in Maine gained seats.",
			ents:   []string{"Democrats/Institution"},
			noEnts: []string{"Vermont Democrats/Person", "Republican/"},
		},
		{
			name:   "a people in the plural is no person",
			text:   "The fight for African American voters is raging, and African Americans will decide the race.",
			noEnts: []string{"African Americans/Person", "African American/Person"},
		},
		{
			name: "a party member before a name keeps the name",
			text: "Republican Kara Lind won the seat on Tuesday.",
			ents: []string{"Kara Lind/Person"},
		},
		// 4. small towns the article never uses as places
		{
			name:   "a small town's name used as a company is no place",
			text:   "That, Elkton says, allows faster charging. Elkton will offer the car in red, and Elkton expects strong sales.",
			noEnts: []string{"Elkton/Place"},
		},
		{
			name: "a small town after a locative is a place",
			text: "The plant in Elkton employs 300 people. Elkton has grown since the plant opened.",
			ents: []string{"Elkton/Place"},
		},
		{
			name: "small towns in a list of counties are places",
			text: "The virus has been reported in Barry, Calhoun and Kalamazoo counties. Officials said Kalamazoo acted first.",
			ents: []string{"Kalamazoo/Place", "Calhoun/Place"},
		},
		// 5. a compound after a place suffix
		{
			name:   "a brand before a compound noun is no place",
			text:   "Zorvik park assist is standard on the car. Zorvik says more features are coming, and Zorvik will add them next year.",
			noEnts: []string{"Zorvik/Place"},
		},
		{
			name: "a camp before a verb keeps its place",
			text: "Thousands live in the Zorvik camp. The Zorvik camp is near the border.",
			ents: []string{"Zorvik/Place"},
		},
		// 6. a noun title opening a name, hyphenated phrases
		{
			name:   "a capitalised noun title opening a title is no title",
			text:   "Star Voyage Beyond opened on Friday, and Star Voyage fans queued for hours.",
			noEnts: []string{"Voyage/Person", "Voyage Beyond/Person"},
		},
		{
			name: "a lower-case noun title before a name stays a title",
			text: "Pop star Kara Lind sang on Friday.",
			ents: []string{"Kara Lind/Person"},
		},
		{
			name:   "a hyphenated phrase opening the sentence is no name",
			text:   "Day-by-day Kara Lind took charge of the inquiry.",
			ents:   []string{"Kara Lind/Person"},
			noEnts: []string{"Day-by-day Kara Lind/"},
		},
		// 7. two names joined by "and"
		{
			name:   "an organisation and The Group are two names",
			text:   "The deal between Silver Harbor and The Kestrel Group closed on Monday.",
			ents:   []string{"Kestrel Group/Institution"},
			noEnts: []string{"Silver Harbor and The Kestrel Group/"},
		},
		{
			name:   "an organisation and a firm named after a person are two names",
			text:   "Shares of Silver Harbor and Jane Doe Productions rose on Monday.",
			ents:   []string{"Jane Doe Productions/Institution"},
			noEnts: []string{"Silver Harbor and Jane Doe Productions/", "Jane Doe Productions/Person"},
		},
		{
			name: "a council of two words joined by and stays one name",
			text: "The National Security and Defense Council met in the capital.",
			ents: []string{"National Security and Defense Council/Institution"},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// TestNewsPatternsDepartures covers resignations stated without "resigned",
// appointments and meetings in longer phrasing, and firms and teams named
// like people or places: a longer trigger that finds no organisation leaving
// the shorter one to take its subject ("stepped down as chief executive"),
// "X left the Council" and "she left the company", trips that are no
// resignation, "has been named", "company CEO X", a portfolio between a
// country and a title, a role for a country at an organisation, the surname
// "He" opening a sentence, a pronoun that is not the one met, the month
// "May", a place inside "met … with", a topic after
// "about", names joined by "&", a city with a game score, and the words
// around a name that only a company takes. Every text is written for this
// test (names invented, cities and countries real).
func TestNewsPatternsDepartures(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		// 1. "stepped down as …": the role names no organisation
		{
			name: "stepped down as a title takes the organisation of the role",
			text: "Kara Lind, the chief executive of Northwind Bank, spoke on Monday. The bank cut its forecast shortly after Lind stepped down as chief executive.",
			want: []string{"RESIGNED Kara Lind -> Northwind Bank"},
		},
		{
			name: "stepped down from an organisation still takes it",
			text: "Kara Lind stepped down from the Harbor Commission on Monday.",
			want: []string{"RESIGNED Kara Lind -> Harbor Commission"},
		},
		// 2. "left the …"
		{
			name: "a person left an institution",
			text: "After Kara Lind left the Harbor Commission, Paul Okafor took over.",
			want: []string{"RESIGNED Kara Lind -> Harbor Commission"},
		},
		{
			name: "she left the company she led",
			text: "Kara Lind, the chief executive of Northwind Bank, spoke on Monday. She left the company in March.",
			want: []string{"RESIGNED Kara Lind -> Northwind Bank"},
		},
		{
			name: "left an institution for somewhere is a trip",
			text: "Kara Lind left the Harbor Commission for a lunch in Oslo on Monday.",
			ents: []string{"Kara Lind/Person"},
			not:  []string{"RESIGNED Kara Lind -> Harbor Commission"},
		},
		{
			name: "left a room is no resignation",
			text: "Northwind Bank said Kara Lind left the room after the vote.",
			ents: []string{"Kara Lind/Person", "Northwind Bank/Institution"},
			not:  []string{"RESIGNED Kara Lind -> Northwind Bank"},
		},
		{
			name: "a possessor is not the one who left",
			text: "Kara Lind's son left the Harbor Commission last year.",
			not:  []string{"RESIGNED Kara Lind -> Harbor Commission"},
		},
		// 3. appointments and titles after a company noun
		{
			name: "has been named the new head of an organisation",
			text: "Paul Okafor resigned and Kara Lind has been named the new Harbor Commission chair.",
			want: []string{"LED Kara Lind -> Harbor Commission"},
		},
		{
			name: "has been named a title of an organisation",
			text: "Kara Lind has been named chief executive of Northwind Bank.",
			want: []string{"LED Kara Lind -> Northwind Bank"},
		},
		{
			name: "company CEO after a quote takes the company of the sentence",
			text: "Northwind Bank is cutting costs, “we will not gamble with savings,” company CEO Kara Lind said.",
			want: []string{"LED Kara Lind -> Northwind Bank"},
		},
		{
			name: "a company CEO with two companies before names neither",
			text: "Northwind Bank and Harbor Trust will merge, company CEO Kara Lind said.",
			ents: []string{"Kara Lind/Person"},
			not:  []string{"LED Kara Lind -> Northwind Bank", "LED Kara Lind -> Harbor Trust"},
		},
		// 4. meetings with a place in between, and topics
		{
			name: "met in a city with someone",
			text: "Anna Berg met in Geneva with Paul Okafor on Monday.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "a meeting at a building with someone",
			text: "Anna Berg announced the accord during a meeting at the Harbor Palace with Paul Okafor, the trade envoy.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "spoke with reporters about someone is no meeting",
			text: "Anna Berg spoke with reporters about Paul Okafor on Monday.",
			ents: []string{"Anna Berg/Person", "Paul Okafor/Person"},
			not:  []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name:   "a portfolio between a country and the title is no name",
			text:   "U.S. Defense Secretary Paul Okafor arrived in Hanoi on Monday.",
			ents:   []string{"Paul Okafor/Person"},
			noEnts: []string{"U.S. Defense/"},
			not:    []string{"LED Paul Okafor -> U.S. Defense"},
		},
		{
			name: "a country's department keeps its name",
			text: "The U.S. Energy Department said on Monday that prices would rise.",
			ents: []string{"U.S. Energy Department/Institution"},
		},
		{
			name: "a director for a country at an organisation is its member",
			text: "Kara Lind, the former executive director for Norway at the World Bank, spoke on Monday.",
			want: []string{"MEMBER_OF Kara Lind -> World Bank"},
			not:  []string{"LED Kara Lind -> Norway", "LED Kara Lind -> World Bank"},
		},
		{
			name:   "a surname He opening a sentence before a description",
			text:   "“It will not last,” He Mingyu, the former trade envoy, said on Monday.",
			ents:   []string{"He Mingyu/Person"},
			noEnts: []string{"Mingyu/Person"},
		},
		{
			name:   "the pronoun He opening a sentence stays a pronoun",
			text:   "Paul Okafor spoke first. He, the oldest delegate, left early.",
			ents:   []string{"Paul Okafor/Person"},
			noEnts: []string{"He/"},
		},
		{
			name: "she visited the one named last: the pronoun is the one named before",
			text: "Anna Berg praised Paul Okafor. Last year she visited Okafor in Lagos.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "the month May is no modal",
			text: "Anna Berg arrived in Lagos. In May she visited Paul Okafor at his home.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "the modal may still makes a meeting hypothetical",
			text: "Anna Berg arrived in Lagos. She may visit Paul Okafor at his home.",
			ents: []string{"Anna Berg/Person", "Paul Okafor/Person"},
			not:  []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		// 5. names joined by "&"
		{
			name:   "two surnames joined by & are a firm",
			text:   "The audit was signed by Morgan & Tolliver on Friday.",
			ents:   []string{"Morgan & Tolliver/Institution"},
			noEnts: []string{"Morgan & Tolliver/Person"},
		},
		{
			name:   "two common words joined by & are a product",
			text:   "Shoppers can buy the Door & Window sensor for $30, Kara Lind said.",
			ents:   []string{"Kara Lind/Person"},
			noEnts: []string{"Door & Window/Institution", "Door & Window/Person"},
		},
		// 6. a city that wins or loses a game by a score is its team
		{
			name:   "a city beat a city by a score",
			text:   "Toledo beat Buffalo 3-2 on Saturday night.",
			ents:   []string{"Toledo/Institution", "Buffalo/Institution"},
			noEnts: []string{"Toledo/Place", "Buffalo/Place"},
		},
		{
			name: "a city lost to a city by a score",
			text: "Toledo lost to Buffalo 24-10 in the final.",
			ents: []string{"Toledo/Institution", "Buffalo/Institution"},
		},
		{
			name:   "a storm that beat a city with no score leaves it a place",
			text:   "The storm beat Toledo on Monday and moved on to Buffalo.",
			ents:   []string{"Toledo/Place"},
			noEnts: []string{"Toledo/Institution"},
		},
		{
			name:   "a country's national side stays the country",
			text:   "Toledo beat Hungary 2-0 in a friendly.",
			ents:   []string{"Hungary/Place"},
			noEnts: []string{"Toledo/Institution"},
		},
		// 7. words around a name that only a company takes
		{
			name:   "a place-based firm named like a person",
			text:   "The Ohio-based Morgan Tolliver will build the plant next year.",
			ents:   []string{"Morgan Tolliver/Institution"},
			noEnts: []string{"Morgan Tolliver/Person"},
		},
		{
			name:   "shares of a firm named like a person moved",
			text:   "Morgan Tolliver shares fell 4% on Monday after the report.",
			ents:   []string{"Morgan Tolliver/Institution"},
			noEnts: []string{"Morgan Tolliver/Person"},
		},
		{
			name:   "a firm's stock",
			text:   "Analysts said Morgan Tolliver's stock was cheap.",
			ents:   []string{"Morgan Tolliver/Institution"},
			noEnts: []string{"Morgan Tolliver/Person"},
		},
		{
			name:   "a person's shares in a firm leave the person a person",
			text:   "Kara Lind's shares in Northwind Bank were sold on Monday.",
			ents:   []string{"Kara Lind/Person"},
			noEnts: []string{"Kara Lind/Institution"},
		},
		{
			name:   "a person who shares something stays a person",
			text:   "Kara Lind shares a flat in Oslo with her sister.",
			ents:   []string{"Kara Lind/Person"},
			noEnts: []string{"Kara Lind/Institution"},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// TestNewsPatternsCoreference covers the coreference step of the relation
// rules: "he"/"she" as the subject of a trigger resolves to the one person
// named before it in its sentence or the sentence before (or, opening its
// sentence, to that sentence's subject), and "the president" to the one
// person the article gives that title; two candidates, a pronoun inside a
// quotation, a given name of the other sex and two holders of a title
// resolve to nothing. Every text is written for this test (names invented).
func TestNewsPatternsCoreference(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		// he/she
		{
			name: "he resolves to the only person of the sentence before",
			text: "Paul Okafor flew to Lagos on Sunday. He met Anna Berg at the port.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "she resigned resolves to the only person named before",
			text: "Kara Lind ran the Harbor Commission for a decade. She resigned from the Harbor Commission on Tuesday.",
			want: []string{"RESIGNED Kara Lind -> Harbor Commission"},
		},
		{
			name: "he opening a sentence after two people is the subject of the one before",
			text: "Paul Okafor praised Tomas Reyes on Monday. He met Anna Berg on Tuesday.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
			not:  []string{"MET_WITH Anna Berg -> Tomas Reyes", "MET_WITH Tomas Reyes -> Anna Berg"},
		},
		{
			name: "two candidates in the same sentence resolve to nothing",
			text: "Paul Okafor told Tomas Reyes that he met Anna Berg in Lagos.",
			not:  []string{"MET_WITH Paul Okafor -> Anna Berg", "MET_WITH Anna Berg -> Paul Okafor", "MET_WITH Tomas Reyes -> Anna Berg", "MET_WITH Anna Berg -> Tomas Reyes"},
		},
		{
			name: "two candidates before a pronoun not opening its sentence resolve to nothing",
			text: "Paul Okafor praised Tomas Reyes on Monday. On Tuesday he met Anna Berg.",
			not:  []string{"MET_WITH Paul Okafor -> Anna Berg", "MET_WITH Anna Berg -> Paul Okafor", "MET_WITH Tomas Reyes -> Anna Berg", "MET_WITH Anna Berg -> Tomas Reyes"},
		},
		{
			name: "he inside a quotation is not its speaker",
			text: "Paul Okafor spoke on Monday. “He met Anna Berg in secret,” Tomas Reyes said.",
			not:  []string{"MET_WITH Paul Okafor -> Anna Berg", "MET_WITH Anna Berg -> Paul Okafor", "MET_WITH Tomas Reyes -> Anna Berg", "MET_WITH Anna Berg -> Tomas Reyes"},
		},
		{
			name: "he after a quotation of another speaker, inside a quotation of several sentences",
			text: "“We lost,” said Tomas Reyes. “He resigned from the Harbor Commission. It is over,” he added.",
			not:  []string{"RESIGNED Tomas Reyes -> Harbor Commission"},
		},
		{
			name: "she does not take a man's name",
			text: "Mary Okafor praised Robert Lind on Sunday. She met Anna Berg on Monday.",
			want: []string{"MET_WITH Anna Berg -> Mary Okafor"},
			not:  []string{"MET_WITH Anna Berg -> Robert Lind", "MET_WITH Robert Lind -> Anna Berg"},
		},
		{
			name: "a pronoun three sentences away resolves to nothing",
			text: "Paul Okafor arrived on Sunday. The port was closed. The ships waited. He resigned from the Harbor Commission.",
			not:  []string{"RESIGNED Paul Okafor -> Harbor Commission"},
		},
		// the TITLE
		{
			name: "the president is the one person titled President before",
			text: "President Anna Berg of Veldoria flew to Lagos. The president met Paul Okafor on Monday.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "the chief executive is the one given that role",
			text: "Kara Lind, the chief executive of Northwind Bank, spoke on Monday. The chief executive met Paul Okafor in Oslo.",
			want: []string{"MET_WITH Kara Lind -> Paul Okafor"},
		},
		{
			name: "the company's chief executive is the one given that role",
			text: "Kara Lind, the chief executive of Northwind Bank, spoke on Monday. The company's chief executive met Paul Okafor in Oslo.",
			want: []string{"MET_WITH Kara Lind -> Paul Okafor"},
		},
		{
			name: "the company's chief executive with two chief executives named resolves to nothing",
			text: "Kara Lind, the chief executive of Northwind Bank, met Tomas Reyes, the chief executive of Eastgate Bank. The company's chief executive met Paul Okafor in Oslo.",
			not:  []string{"MET_WITH Kara Lind -> Paul Okafor", "MET_WITH Paul Okafor -> Kara Lind", "MET_WITH Paul Okafor -> Tomas Reyes", "MET_WITH Tomas Reyes -> Paul Okafor"},
		},
		{
			name: "the president as the object",
			text: "President Anna Berg of Veldoria flew to Lagos. Paul Okafor met the president on Monday.",
			want: []string{"MET_WITH Anna Berg -> Paul Okafor"},
		},
		{
			name: "two presidents named resolve the president to nothing",
			text: "President Anna Berg hosted President Tomas Reyes. The president met Paul Okafor on Monday.",
			not:  []string{"MET_WITH Anna Berg -> Paul Okafor", "MET_WITH Paul Okafor -> Anna Berg", "MET_WITH Tomas Reyes -> Paul Okafor", "MET_WITH Paul Okafor -> Tomas Reyes"},
		},
		{
			name: "the president of another body is not the one titled before",
			text: "President Anna Berg flew to Lagos. The president of the Harbor Commission met Paul Okafor.",
			not:  []string{"MET_WITH Anna Berg -> Paul Okafor", "MET_WITH Paul Okafor -> Anna Berg"},
		},
		{
			name: "a title nobody held before resolves to nothing and takes no earlier name",
			text: "Anna Berg said on Monday that the senator met Paul Okafor.",
			not:  []string{"MET_WITH Anna Berg -> Paul Okafor", "MET_WITH Paul Okafor -> Anna Berg"},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// TestNewsPatternsBareTitles covers a leadership title written with no
// organisation in an article about one institution ("chairman Jane Doe
// said"): the title links the person to that institution, never when two
// institutions compete, never for a title of public office, never when the
// sentence names another institution. Every text is written for this test
// (names invented).
func TestNewsPatternsBareTitles(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	const about = "Northwind Logistics said on Monday it would cut 400 jobs. The cuts at Northwind Logistics follow a weak year. "
	cases := []patternCase{
		{
			name: "a bare chairman before the name",
			text: about + "\"We have to act now,\" chairman Paul Okafor said. Northwind Logistics shares fell.",
			want: []string{"LED Paul Okafor -> Northwind Logistics"},
		},
		{
			name: "the chief executive after the name",
			text: about + "Kara Lind, the chief executive, said the plan would save money. Northwind Logistics shares fell.",
			want: []string{"LED Kara Lind -> Northwind Logistics"},
		},
		{
			name: "a list of titles ending in president",
			text: about + "The results were weak, chairman, CEO and president Tomas Reyes said. Northwind Logistics shares fell.",
			want: []string{"LED Tomas Reyes -> Northwind Logistics"},
		},
		{
			name: "a bare founder (LED in the schema)",
			text: about + "The memo was signed by founder Anna Berg. Northwind Logistics shares fell.",
			want: []string{"LED Anna Berg -> Northwind Logistics"},
		},
		{
			name: "two institutions compete",
			text: "Northwind Logistics and Eastgate Bank said on Monday they would merge. Northwind Logistics and Eastgate Bank will keep both brands. Eastgate Bank shares rose. \"We are ready,\" chairman Paul Okafor said.",
			not:  []string{"LED Paul Okafor -> Northwind Logistics", "LED Paul Okafor -> Eastgate Bank"},
		},
		{
			name: "a head of state is no company leader",
			text: about + "President Paul Okafor praised the plan. Northwind Logistics shares fell.",
			not:  []string{"LED Paul Okafor -> Northwind Logistics"},
		},
		{
			name: "a senator is no company leader",
			text: about + "Senator Kara Lind criticised the cuts. Northwind Logistics shares fell.",
			not:  []string{"LED Kara Lind -> Northwind Logistics", "MEMBER_OF Kara Lind -> Northwind Logistics"},
		},
		{
			name: "another institution named in the sentence",
			text: about + "Chairman Paul Okafor met officials from Eastgate Bank on Friday. Northwind Logistics shares fell.",
			not:  []string{"LED Paul Okafor -> Northwind Logistics", "LED Paul Okafor -> Eastgate Bank"},
		},
		{
			name: "a company named once is not what the article is about",
			text: "Markets fell on Monday. Chairman Paul Okafor said Northwind Logistics would wait.",
			not:  []string{"LED Paul Okafor -> Northwind Logistics"},
		},
		{
			name: "a committee chairman after an organisation word is not the firm's",
			text: about + "Committee chairman Kara Lind called a hearing. Northwind Logistics shares fell.",
			not:  []string{"LED Kara Lind -> Northwind Logistics"},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// TestNewsPatternsProducts covers products written like institutions ("the
// new X", "X costs", "the X controller"): they are no entity of the schema
// and lose the institution type, unless the article writes the same name as
// a company ("X said"). Every text is written for this test (names invented).
func TestNewsPatternsProducts(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		{
			name:   "the new X is a product",
			text:   "Veltro Motors unveiled a new electric car on Monday. The new Zephyra is longer than the old model, and Zephyra buyers get free charging. Veltro Motors said the Zephyra costs $50,000.",
			ents:   []string{"Veltro Motors/Institution"},
			noEnts: []string{"Zephyra/Institution"},
		},
		{
			name: "a product that is also the company's name keeps the company",
			text: "Korvath said on Monday that sales rose. The new Korvath phone costs less. Korvath shares rose 3 percent, and Korvath said it would hire 200 engineers.",
			ents: []string{"Korvath/Institution"},
		},
		{
			name:   "a model year or generation before the name makes a product",
			text:   "Veltro Motors unveiled its sedans in Detroit on Monday. The 2021 Zephyra gets a wider grille, and the all-new Zephyra will reach dealers in May. Inside, the Zephyra's cabin is larger.",
			ents:   []string{"Veltro Motors/Institution"},
			noEnts: []string{"Zephyra/Institution"},
		},
		{
			name: "a company with a year before its name keeps its type when it acts",
			text: "Korvath said on Monday that sales rose. The 2020 Korvath report showed growth, and Korvath said it would hire 200 engineers.",
			ents: []string{"Korvath/Institution"},
		},
		{
			name: "a newspaper with a new poll stays an institution",
			text: "A new Harbour Gazette poll shows support for the plan. The Harbour Gazette said 60 percent backed it.",
			ents: []string{"Harbour Gazette/Institution"},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// TestNewsPatternsCompanyCues covers names typed by what the text calls
// them: a list taken up by "the companies", an apposition or a company
// noun before the name, "it"/"its" pointing back to the name; and the
// negatives, people who keep their type. Every text is written for this
// test (names invented).
func TestNewsPatternsCompanyCues(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		// 1. a list called companies
		{
			name:   "a list, then 'The companies' in the next sentence",
			text:   "The bid team includes Halvard Brenn, Osric Tamm and Velda Korr. The companies have not disclosed the price.",
			ents:   []string{"Halvard Brenn/Institution", "Osric Tamm/Institution", "Velda Korr/Institution"},
			noEnts: []string{"Halvard Brenn/Person", "Osric Tamm/Person"},
		},
		{
			name: "a list, then 'the three carriers' in the same sentence",
			text: "Ticket sales at Halvard Brenn, Osric Tamm and Velda Korr rose, the three carriers said on Monday.",
			ents: []string{"Halvard Brenn/Institution", "Velda Korr/Institution"},
		},
		{
			name: "'the five companies' before the list",
			text: "The agency said the two companies — Halvard Brenn and Osric Tamm — would build the landers.",
			ents: []string{"Halvard Brenn/Institution", "Osric Tamm/Institution"},
		},
		{
			name: "'the nine companies chosen last year:' before the list",
			text: "They join the nine companies chosen by the agency last year: Halvard Brenn, Osric Tamm and Velda Korr.",
			ents: []string{"Halvard Brenn/Institution", "Osric Tamm/Institution", "Velda Korr/Institution"},
		},
		{
			name:   "'A and B, executives of the companies,' stay people",
			text:   "Anna Berg and Paul Okafor, executives of the companies, signed the deal.",
			ents:   []string{"Anna Berg/Person", "Paul Okafor/Person"},
			noEnts: []string{"Anna Berg/Institution", "Paul Okafor/Institution"},
		},
		{
			name:   "'A and B, who run the companies,' stay people",
			text:   "Halvard Brenn and Osric Tamm, who still run the companies, signed the deal.",
			ents:   []string{"Halvard Brenn/Person", "Osric Tamm/Person"},
			noEnts: []string{"Halvard Brenn/Institution", "Osric Tamm/Institution"},
		},
		{
			name:   "executives of the companies listed after a colon stay people",
			text:   "Two executives spoke for the companies: Anna Berg and Paul Okafor.",
			ents:   []string{"Anna Berg/Person", "Paul Okafor/Person"},
			noEnts: []string{"Anna Berg/Institution", "Paul Okafor/Institution"},
		},
		{
			name:   "a list after 'the companies said:' of people quoted stays people when titled",
			text:   "Two executives spoke for the companies: Chief Executive Anna Berg and Chairman Paul Okafor.",
			ents:   []string{"Anna Berg/Person", "Paul Okafor/Person"},
			noEnts: []string{"Anna Berg/Institution", "Paul Okafor/Institution"},
		},
		{
			name:   "a titled person in the list keeps the type",
			text:   "The board named Chief Executive Anna Berg, Halvard Brenn and Osric Tamm. The companies declined to comment.",
			ents:   []string{"Anna Berg/Person"},
			noEnts: []string{"Anna Berg/Institution"},
		},
		{
			name:   "people listed before 'the companies' chief executives' stay people",
			text:   "The deal was signed by Anna Berg and Paul Okafor, the companies' chief executives.",
			ents:   []string{"Anna Berg/Person", "Paul Okafor/Person"},
			noEnts: []string{"Anna Berg/Institution", "Paul Okafor/Institution"},
		},
		// 2. apposition and a company noun before the name
		{
			name:   "X, a Texas-based maker of …",
			text:   "Shares of Halvard Brenn, a Texas-based maker of drones, fell on Tuesday.",
			ents:   []string{"Halvard Brenn/Institution"},
			noEnts: []string{"Halvard Brenn/Person"},
		},
		{
			name: "X, a startup",
			text: "The contract went to Osric Tamm, a startup that builds satellites.",
			ents: []string{"Osric Tamm/Institution"},
		},
		{
			name: "the company X",
			text: "Rates were cut by the company Osric Tamm last week.",
			ents: []string{"Osric Tamm/Institution"},
		},
		{
			name:   "investor X",
			text:   "After a lifeline from investor Brennwerk worth $2 billion, the office group cut jobs.",
			ents:   []string{"Brennwerk/Institution"},
			noEnts: []string{"Brennwerk/Person"},
		},
		{
			name:   "investor with a given name stays a person",
			text:   "The fund was backed by investor Paul Okafor, who owns a stake.",
			ents:   []string{"Paul Okafor/Person"},
			noEnts: []string{"Paul Okafor/Institution"},
		},
		{
			name:   "the company's founder X stays a person",
			text:   "The company's founder Paul Okafor left in May.",
			ents:   []string{"Paul Okafor/Person"},
			noEnts: []string{"Paul Okafor/Institution"},
		},
		{
			name:   "X, the company's founder, stays a person",
			text:   "Halvard Brenn, the company's founder, left in May.",
			noEnts: []string{"Halvard Brenn/Institution"},
		},
		{
			name:   "a person with 'said he' keeps the type despite an apposition",
			text:   "Paul Okafor, a startup veteran, said he would vote no.",
			ents:   []string{"Paul Okafor/Person"},
			noEnts: []string{"Paul Okafor/Institution"},
		},
		{
			name:   "'a firm believer' is no firm",
			text:   "Anna Berg, a firm believer in tariffs, voted no.",
			ents:   []string{"Anna Berg/Person"},
			noEnts: []string{"Anna Berg/Institution"},
		},
		// 3. it and its
		{
			name:   "X and its partners",
			text:   "Corvane Martin and its partners will bid for the contract, Paul Okafor said.",
			ents:   []string{"Corvane Martin/Institution", "Paul Okafor/Person"},
			noEnts: []string{"Corvane Martin/Person"},
		},
		{
			name:   "X said it would cut jobs",
			text:   "Corvane Martin said it would cut 300 jobs in Ohio.",
			ents:   []string{"Corvane Martin/Institution"},
			noEnts: []string{"Corvane Martin/Person"},
		},
		{
			name:   "a person with a given name and 'said it' stays a person",
			text:   "Anna Berg said it would cut taxes for families.",
			noEnts: []string{"Anna Berg/Institution"},
		},
		{
			name:   "'X said it would be' where it is a policy stays a person",
			text:   "Corvane Martin criticised the new tariff policy on Monday, and Corvane Martin said it would be a mistake.",
			noEnts: []string{"Corvane Martin/Institution"},
		},
	}
	runPatternCases(t, s, ex, cases)
}

// TestNewsPatternsNameFragments covers long institution names that used to
// come apart at a connector or keep an adjective: a plural field word
// joined by "and" to a two-word head, a name spelt out before its bracketed
// acronym, and a leading "Former". Texts are written for this test (names
// invented).
func TestNewsPatternsNameFragments(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	cases := []patternCase{
		{
			name:   "a plural field word and a two-word head are one name",
			text:   "The lender disclosed an inquiry by the Federal Investments and Markets Authority into its loans on Monday.",
			ents:   []string{"Federal Investments and Markets Authority/Institution"},
			noEnts: []string{"Markets Authority/", "Federal Investments/"},
		},
		{
			name:   "two company names joined by and stay two",
			text:   "Orvane Holdings and Kestrel Group announced a merger on Monday, Kara Lind said.",
			ents:   []string{"Kara Lind/Person"},
			noEnts: []string{"Orvane Holdings and Kestrel Group/"},
		},
		{
			name:   "a long name spelt out before its acronym is one name",
			text:   "A spokesman for the Royal Society for the Protection of Marine Birds (RSPMB) said the survey would go on.",
			ents:   []string{"RSPMB/Institution"},
			noEnts: []string{"Royal Society/", "Marine Birds/", "Protection/"},
		},
		{
			name:   "an acronym whose initials do not match joins nothing",
			text:   "Kara Lind joined the Harbor Trust and the Northern Alliance (NAX) last year.",
			ents:   []string{"Harbor Trust/Institution"},
			noEnts: []string{"Harbor Trust and the Northern Alliance/"},
		},
		{
			name:   "a leading Former is no part of the name",
			text:   "Former Coastal Security Council official Kara Lind testified on Tuesday.",
			ents:   []string{"Kara Lind/Person", "Coastal Security Council/Institution"},
			noEnts: []string{"Former Coastal Security Council/"},
		},
	}
	runPatternCases(t, s, ex, cases)
}
