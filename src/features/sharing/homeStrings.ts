/** The drafts home's door: its heading and line come with it (the button's label with the toolbar door's strings). */
import strings from '../../i18n/zh-CN.json?area=sharingHome';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
