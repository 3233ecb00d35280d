/** The value types of ReqIF 1.2 attributes. */
export type ReqifValueType = 'string' | 'xhtml' | 'enumeration' | 'date' | 'integer' | 'real' | 'boolean';

/** An attribute definition of a spec type (`ATTRIBUTE-DEFINITION-*`). */
export type ReqifAttributeDefinition = {
  readonly identifier: string;
  readonly longName: string;
  readonly type: ReqifValueType;
  /** For enumerations: the datatype's values, identifier -> long name. */
  readonly enumValues?: ReadonlyMap<string, string>;
};

/** A spec type: the type of spec objects, relations or specifications, with its attribute definitions. */
export type ReqifSpecType = {
  readonly identifier: string;
  readonly longName: string;
  readonly role: 'object' | 'relation' | 'specification' | 'group';
  readonly attributes: ReadonlyMap<string, ReqifAttributeDefinition>;
};

/** One attribute value: the definition it fills, its type and its value (enumerations: the chosen long names). */
export type ReqifValue = {
  readonly definition: string;
  readonly type: ReqifValueType;
  /** Text for string, date, integer, real and boolean; XHTML source for xhtml; long names for enumerations. */
  readonly value: string | readonly string[];
};

/** A SPEC-OBJECT: one requirement (or heading, or note) of the source tool. */
export type ReqifSpecObject = {
  readonly identifier: string;
  readonly longName?: string;
  readonly type: string;
  readonly values: readonly ReqifValue[];
  /** 1-based line of the element in the file. */
  readonly line: number;
};

/** A SPEC-RELATION between two spec objects. */
export type ReqifSpecRelation = {
  readonly identifier: string;
  readonly longName?: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly values: readonly ReqifValue[];
  readonly line: number;
};

/** A node of a specification's tree: the spec object it shows and its children. */
export type ReqifHierarchy = {
  readonly identifier: string;
  readonly object: string;
  readonly children: readonly ReqifHierarchy[];
};

/** A SPECIFICATION: a document of the source tool, as a tree of spec objects. */
export type ReqifSpecification = {
  readonly identifier: string;
  readonly longName?: string;
  readonly type: string;
  readonly values: readonly ReqifValue[];
  readonly children: readonly ReqifHierarchy[];
  readonly line: number;
};

/** A ReqIF exchange document, read into plain data. */
export type ReqifDocument = {
  /** The file it was read from (a repository path or the path as given; `x.reqifz!inner.reqif` inside an archive). */
  readonly file: string;
  readonly title?: string;
  readonly sourceTool?: string;
  readonly specTypes: ReadonlyMap<string, ReqifSpecType>;
  readonly specObjects: readonly ReqifSpecObject[];
  readonly specRelations: readonly ReqifSpecRelation[];
  readonly specifications: readonly ReqifSpecification[];
};
