/**
 * What the results service needs from the data-set archive (libs/directory, which this library
 * may not import): publish a new data set with its first version's metadata and files, on behalf
 * of the experiment's owner. apps/web implements it with the archive's dataset service.
 */
export interface ExperimentArchivePort {
  publishDataset(input: {
    ownerId: string;
    metadata: {
      title: string;
      description: string;
      creators: { name: string }[];
      keywords: string[];
      licence: string;
      provenance: string;
    };
    files: { name: string; content: Uint8Array }[];
    /** Directory cases the data set is about (a community twin's case). */
    caseIds?: number[];
  }): Promise<{ datasetId: string; n: number }>;
}
