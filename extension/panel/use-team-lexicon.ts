import { useEffect, useState } from 'preact/hooks';
import type { TeamLexicon } from '../../shared/classify/classify.ts';
import { lexiconOf } from '../../shared/classify/team.ts';
import { CHANGES_CHANNEL } from '../lib/context-key.ts';
import { type Db, getTeamWeights } from '../lib/db.ts';

/**
 * What the team has taught the tag suggestion, from the replica: read when
 * the panel opens and again after each sync the background announces, so a
 * lesson pulled in the background shows up in the next suggestion.
 */
export function useTeamLexicon(db: Db): TeamLexicon | null {
  const [lexicon, setLexicon] = useState<TeamLexicon | null>(null);
  useEffect(() => {
    const read = () => void getTeamWeights(db).then((w) => setLexicon(w ? lexiconOf(w) : null));
    read();
    const channel = new BroadcastChannel(CHANGES_CHANNEL);
    channel.onmessage = read;
    return () => channel.close();
  }, [db]);
  return lexicon;
}
