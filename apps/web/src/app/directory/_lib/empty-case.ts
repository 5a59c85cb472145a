import { emptyCaseFields, type TCaseFields } from '@p2pvalue/directory/fields';

export const emptyCaseFieldsForForm = (): TCaseFields => emptyCaseFields('');
