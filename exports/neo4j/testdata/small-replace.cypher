// kg push --dry-run: 16 rows in 8 statements. Run with: cypher-shell -f FILE
CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT kg_article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT `kg_MENTIONED_IN_key` IF NOT EXISTS FOR ()-[r:`MENTIONED_IN`]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT `kg_LED_key` IF NOT EXISTS FOR ()-[r:`LED`]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT `kg_MET_WITH_key` IF NOT EXISTS FOR ()-[r:`MET_WITH`]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT `kg_RESIGNED_key` IF NOT EXISTS FOR ()-[r:`RESIGNED`]-() REQUIRE r.key IS UNIQUE;
// --replace: delete every node kg owns and its relationships.
MATCH (n)-[r]-() WHERE n:Entity OR n:Article
WITH DISTINCT r
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n) WHERE n:Entity OR n:Article
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS;
// articles Article, batch 1 of 1
:param rows => [{props: {bytes: 120, hash: 'aa11', id: 'a1', kg_hash: 'cfe644143f75a04a7cb01e1b', published: date('2025-03-02'), title: 'Harbour council meets mayor', url: 'https://example.org/a1', words: 20}}, {props: {bytes: 90, hash: 'bb22', id: 'a2', kg_hash: 'c3f12ae98bd5ea83bf1e2ac4', published: date('2025-04-10'), title: 'Mayor resigns after vote', words: 15}}, {props: {bytes: 40, hash: 'cc33', id: 'a3', kg_hash: '4304ce7db768e14af857cbcb', title: 'Undated note', words: 7}}]
UNWIND $rows AS row
MERGE (n:Article {id: row.props.id})
WITH n, row, coalesce(n.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
// entities Institution, batch 1 of 1
:param rows => [{props: {aliases: ['Harbour Council', 'the council'], articles: ['a1', 'a2'], betweenness: 0.5, closeness: 0.75, community: 1, component: 0, core: 1, degree: 2, eigenvector: 0.6, harmonic: 0.8, key: 'institution:harbour-council', kg_hash: 'c79e2f1df836e43d924af7ee', mentions: 3, name: 'Harbour Council', pagerank: 0.3, type: 'Institution', weighted_degree: 3.0}}]
UNWIND $rows AS row
MERGE (n:Entity {key: row.props.key})
WITH n, row, coalesce(n.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props, n:`Institution`)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
// entities Person, batch 1 of 1
:param rows => [{props: {aliases: ['Ada North', 'North'], articles: ['a1', 'a2'], betweenness: 1.0, closeness: 1.0, community: 0, component: 0, core: 1, degree: 3, eigenvector: 0.7, harmonic: 1.0, key: 'person:ada-north', kg_hash: 'f6ceab0c2830a71bbcbd74ae', mentions: 4, name: 'Ada North', pagerank: 0.4, type: 'Person', weighted_degree: 4.0}}, {props: {aliases: ['Ben South'], articles: ['a1'], betweenness: 0.0, closeness: 0.5, community: 0, component: 0, core: 1, degree: 1, eigenvector: 0.4, harmonic: 0.6, key: 'person:ben-south', kg_hash: '639c2deeed60d7730a03ecf8', mentions: 1, name: 'Ben South', pagerank: 0.2, type: 'Person', weighted_degree: 1.0}}]
UNWIND $rows AS row
MERGE (n:Entity {key: row.props.key})
WITH n, row, coalesce(n.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props, n:`Person`)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
// entities Place, batch 1 of 1
:param rows => [{props: {aliases: ['Port Vale'], articles: ['a3'], betweenness: 0.0, closeness: 0.0, community: 2, component: 1, core: 0, degree: 0, eigenvector: 0.0, harmonic: 0.0, key: 'place:port-vale', kg_hash: '1179f872b781002d13a7d3af', mentions: 1, name: 'Port Vale', pagerank: 0.1, type: 'Place', weighted_degree: 0.0}}]
UNWIND $rows AS row
MERGE (n:Entity {key: row.props.key})
WITH n, row, coalesce(n.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props, n:`Place`)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
// relations LED, batch 1 of 1
:param rows => [{props: {confidence: 0.9, evidence_articles: ['a1', 'a2'], evidence_dates: ['2025-03-02', '2025-04-10'], evidence_ends: [34, 47], evidence_sentences: ['Ada North led the Harbour Council.', 'North, who led the council, resigned.'], evidence_starts: [0, 10], evidence_triggers: ['led', 'led'], first_date: date('2025-03-02'), key: 'LED|person:ada-north|institution:harbour-council', kg_hash: '7f5d2eeb9fd22c29d81eec07', last_date: date('2025-04-10'), symmetric: false, weight: 2}, source: 'person:ada-north', target: 'institution:harbour-council'}]
UNWIND $rows AS row
MATCH (a:Entity {key: row.source})
MATCH (b:Entity {key: row.target})
MERGE (a)-[r:`LED` {key: row.props.key}]->(b)
WITH r, row, coalesce(r.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
// relations MET_WITH, batch 1 of 1
:param rows => [{props: {confidence: 0.8, evidence_articles: ['a1'], evidence_dates: ['2025-03-02'], evidence_ends: [72], evidence_sentences: ['Ada North met Ben South in Port Vale.'], evidence_starts: [35], evidence_triggers: ['met'], first_date: date('2025-03-02'), key: 'MET_WITH|person:ada-north|person:ben-south', kg_hash: 'dfd4c317366647a88af84721', last_date: date('2025-03-02'), symmetric: true, weight: 1}, source: 'person:ada-north', target: 'person:ben-south'}]
UNWIND $rows AS row
MATCH (a:Entity {key: row.source})
MATCH (b:Entity {key: row.target})
MERGE (a)-[r:`MET_WITH` {key: row.props.key}]->(b)
WITH r, row, coalesce(r.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
// relations RESIGNED, batch 1 of 1
:param rows => [{props: {confidence: 0.6, evidence_articles: ['a2'], evidence_dates: ['2025-04-10'], evidence_ends: [83], evidence_sentences: ['North will resign from the council.'], evidence_starts: [48], evidence_triggers: ['will resign'], first_date: date('2025-04-10'), key: 'RESIGNED|person:ada-north|institution:harbour-council|planned', kg_hash: '0f7625c118180554c3ac7c26', last_date: date('2025-04-10'), status: 'planned', symmetric: false, weight: 1}, source: 'person:ada-north', target: 'institution:harbour-council'}]
UNWIND $rows AS row
MATCH (a:Entity {key: row.source})
MATCH (b:Entity {key: row.target})
MERGE (a)-[r:`RESIGNED` {key: row.props.key}]->(b)
WITH r, row, coalesce(r.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
// mentions MENTIONED_IN, batch 1 of 1
:param rows => [{props: {count: 2, key: 'institution:harbour-council|a1', kg_hash: '85d679bef9ce51a636b6f1a5'}, source: 'institution:harbour-council', target: 'a1'}, {props: {count: 1, key: 'institution:harbour-council|a2', kg_hash: '9a7793f09ae30bbe88fc2caa'}, source: 'institution:harbour-council', target: 'a2'}, {props: {count: 1, key: 'person:ada-north|a1', kg_hash: '06f5f64d781559d1a387ae2f'}, source: 'person:ada-north', target: 'a1'}, {props: {count: 3, key: 'person:ada-north|a2', kg_hash: '831d134f9c2aca1b38428e24'}, source: 'person:ada-north', target: 'a2'}, {props: {count: 1, key: 'person:ben-south|a1', kg_hash: '36e8cf292bb1ef9fc1d64739'}, source: 'person:ben-south', target: 'a1'}, {props: {count: 1, key: 'place:port-vale|a3', kg_hash: '82e5756c563ad7c574abe317'}, source: 'place:port-vale', target: 'a3'}]
UNWIND $rows AS row
MATCH (e:Entity {key: row.source})
MERGE (a:Article {id: row.target})
MERGE (e)-[r:MENTIONED_IN {key: row.props.key}]->(a)
WITH r, row, coalesce(r.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
