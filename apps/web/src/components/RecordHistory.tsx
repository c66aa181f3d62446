import type { RecordType } from '../api/quickActions';
import type { TimelinePath } from '../api/timeline';
import type { User } from '../api/types';
import type { Directory } from '../hooks/useDirectory';
import { useTimeline } from '../hooks/useTimeline';
import { mayLog } from '../lib/permissions';
import { QuickActions } from './QuickActions';
import { RecordTimeline } from './RecordTimeline';

interface RecordHistoryProps {
  path: TimelinePath;
  recordType: RecordType;
  id: string;
  user: User;
  directory: Directory;
  /** Changes when a notification arrives or the record is saved: the timeline re-reads its newest entries. */
  revision?: unknown;
}

/** Quick actions above the timeline they add to: what is saved shows up at once. */
export function RecordHistory({ path, recordType, id, user, directory, revision }: RecordHistoryProps) {
  const timeline = useTimeline(path, id, revision);
  return (
    <>
      {mayLog(user) && (
        <QuickActions
          link={{ recordType, recordId: id }}
          user={user}
          users={directory.users}
          onLogged={timeline.refresh}
        />
      )}
      <RecordTimeline timeline={timeline} names={directory.names} />
    </>
  );
}
