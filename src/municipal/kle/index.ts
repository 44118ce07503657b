/** KLE, the municipalities' case classification: code shapes and the official topic table. */
export { generalTopicOf, groupOf, isKleGroupCode, isKleTopicCode, mainGroupOf, parseKleTopicCode, type KleGroupCode, type KleTopicCode } from './code';
export { allKleTopics, findKleGroup, findKleTopic, KLE_EDITION, parseKleTable, type KleGroup, type KleTopic } from './topics';
