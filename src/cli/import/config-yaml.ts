import { Document, isScalar, visit } from 'yaml';
import { SCHEMA_URL } from '../../config/json-schema.js';
import type { Imported } from './model.js';

/**
 * The config file an import writes: the editor's schema line and the importer's comments at the top, each
 * destination's and route's comments above it, short lists of plain values on one line (`triggers: [error]`).
 */
export function importedConfigText(imported: Imported): string {
  const routes = imported.notifications.map((route) => ({ triggers: route.triggers, to: route.to, ...route.filters }));
  const doc = new Document({
    destinations: Object.fromEntries(imported.destinations.map((destination) => [destination.key, destination.fields])),
    ...(routes.length > 0 ? { notifications: routes } : {}),
  });
  doc.commentBefore = comment([`yaml-language-server: $schema=${SCHEMA_URL}`, ...imported.comments]);
  const destinations = doc.get('destinations', true) as { items: { key: { commentBefore?: string; spaceBefore?: boolean } }[] };
  imported.destinations.forEach((destination, i) => {
    const key = destinations.items[i]!.key;
    if (destination.comments.length > 0) key.commentBefore = comment(destination.comments);
    // A blank line between destinations: each is a block of its own, with its comments.
    key.spaceBefore = i > 0;
  });
  const notifications = doc.get('notifications', true) as { items: { commentBefore?: string }[] } | undefined;
  imported.notifications.forEach((route, i) => {
    if (route.comments?.length) notifications!.items[i]!.commentBefore = comment(route.comments);
  });
  if (notifications) (doc.contents as unknown as { items: { key: { spaceBefore?: boolean } }[] }).items[1]!.key.spaceBefore = true;
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item) && !String(item.value).includes('\n'))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** yaml writes each line of a comment after a `#`: a space keeps them readable, and a comment may hold several lines. */
function comment(lines: string[]): string {
  return lines
    .flatMap((line) => line.split('\n'))
    .map((line) => (line ? ` ${line}` : ''))
    .join('\n');
}
