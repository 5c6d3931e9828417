/** The zh-CN strings of the import join i18next with its code (never in the editor's first load). */
import strings from '../../i18n/zh-CN.json?area=importReport';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings(strings);
