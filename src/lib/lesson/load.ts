import { getCollection, type CollectionEntry } from 'astro:content';
import { sortLessons } from './catalogue.ts';

export type LessonEntry = CollectionEntry<'lessons'>;

/** Every published lesson, in catalogue order. */
export async function getLessons(): Promise<LessonEntry[]> {
  return sortLessons(await getCollection('lessons'));
}
