/** The door's label (sharingDoor.open) comes with the door, the other sharing strings behind it (strings.ts). */
import strings from '../../i18n/zh-CN.json?area=sharingDoor';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
