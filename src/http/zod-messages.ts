import { z } from 'zod';

// Field errors read as "<field> is required", so messages are written to follow a field name.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    if (issue.code === 'invalid_type') return `must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    return undefined;
  },
});
