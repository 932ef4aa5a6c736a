/** The knowledge the CLI answers from: the bundle compiled into the CLI at build time. */
import kb from 'virtual:kb';
import { Detector } from '../shared/detect/detector';
import { KnowledgeSearch } from '../shared/search/search';

export const bundle = kb;
export const detector = new Detector(kb.signatures, kb.detection);
export const search = new KnowledgeSearch(kb, detector);
export const articleById = new Map(kb.articles.map((a) => [a.id, a]));
