/**
 * The lessons shipped with the app: every JSON file in src/lessons/, checked when the app loads. A file that
 * cannot be used is left out and reported (in the lesson panel and the console); the others still work.
 */
import { loadLessons } from './validate-lesson.ts';
import type { Lesson } from './lesson.ts';

const files = import.meta.glob<unknown>('../../lessons/*.json', { eager: true, import: 'default' });

export const { lessons: LESSONS, problems: LESSON_PROBLEMS } = loadLessons(files);

export function lessonById(id: string | null): Lesson | null {
  return LESSONS.find((lesson) => lesson.id === id) ?? null;
}

// A teacher testing a new lesson file sees why it is missing in the console as well as in the panel.
for (const problem of LESSON_PROBLEMS) console.error(problem.message);
