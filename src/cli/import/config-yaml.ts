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
  const destinations = doc.get('destinations', true) as { items: { key: { commentBefore?: string } }[] };
  imported.destinations.forEach((destination, i) => {
    if (destination.comments.length > 0) destinations.items[i]!.key.commentBefore = comment(destination.comments);
  });
  const notifications = doc.get('notifications', true) as { items: { commentBefore?: string }[] } | undefined;
  imported.notifications.forEach((route, i) => {
    if (route.comments?.length) notifications!.items[i]!.commentBefore = comment(route.comments);
  });
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
