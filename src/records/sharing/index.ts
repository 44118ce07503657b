/** The sharing record kinds: the profile's keys, recipients, grants and the transparency log. */
export * from './citizen-keys';
export * from './share-recipient';
export * from './share-grant';
export * from './selection';
export * from './transparency-entry';
