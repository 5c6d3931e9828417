/**
 * Review's zh-CN strings join i18next when review's code loads: the editor's first load does
 * without them. (English arrives whole, review's strings with it.)
 */
import { review } from '../../i18n/zh-CN.json?area';
import { addSourceStrings } from '../../i18n/index.ts';

addSourceStrings({ review });
