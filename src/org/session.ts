// Opening a command's connection: API version set explicitly (Bulk API 2.0 needs ≥ 47), the
// package found (with its namespace), and the usual failures turned into errors a user can act on.
import { Messages, type Connection, type Org } from '@salesforce/core';
import { OrgNames, resolveNamespace } from './names.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.shared');

export const API_VERSION = '62.0';

export type OrgSession = { connection: Connection; names: OrgNames; username: string; orgId: string };

function isExpired(error: unknown): boolean {
  const text = `${(error as { errorCode?: string }).errorCode ?? ''} ${(error as { name?: string }).name ?? ''} ${error instanceof Error ? error.message : ''}`;
  return /INVALID_SESSION_ID|Session expired|invalid_grant|expired access\/refresh token/i.test(text);
}

/** Wraps an org call so an expired session says how to log in again. */
export async function guardSession<T>(username: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isExpired(error)) throw messages.createError('error.SessionExpired', [username]);
    throw error;
  }
}

export async function openSession(org: Org, namespace?: string): Promise<OrgSession> {
  const connection = org.getConnection(API_VERSION);
  const username = org.getUsername() ?? connection.getUsername() ?? 'this org';
  const resolution = await guardSession(username, () => resolveNamespace(connection, namespace));
  if (!resolution.packageFound) throw messages.createError('error.PackageMissing', [org.getOrgId(), username]);
  return { connection, names: resolution.names, username, orgId: org.getOrgId() };
}

export { messages as sharedMessages, OrgNames };
