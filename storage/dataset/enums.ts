/**
 * The two enumerations every schema shares, apart from the dataset schema: the popover and the
 * annotations import them without building the whole dataset schema at load (issue #8).
 */
import { z } from 'zod';
import { REFERENCE_TYPES } from '../../references/types';
import { STAGES } from './stages';

export const StageSchema = z.enum(STAGES);
export const ReferenceTypeSchema = z.enum(REFERENCE_TYPES);
