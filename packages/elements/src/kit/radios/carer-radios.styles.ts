import { css } from 'lit';

export const radiosStyles = css`
  .option input[type='radio'] {
    border-radius: 50%;
  }
`;
