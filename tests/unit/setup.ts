// Unit tests run in Node: IndexedDB comes from fake-indexeddb (never used for speed figures).
import 'fake-indexeddb/auto';
