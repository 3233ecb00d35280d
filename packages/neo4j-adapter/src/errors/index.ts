export { Neo4jConnectionError, Neo4jQueryError, Neo4jServerError } from './neo4j-errors.js';
