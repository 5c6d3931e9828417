/** The sharing strings arrive with the sharing code (never in the editor's first load). */
import strings from '../../i18n/zh-CN.json?area=sharing';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
