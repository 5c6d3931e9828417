// pouchdb-browser ships no types; src/sync/pouch.ts types the parts nianbao uses.
declare module 'pouchdb-browser' {
  const PouchDB: unknown;
  export default PouchDB;
}
